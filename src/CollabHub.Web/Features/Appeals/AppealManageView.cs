namespace CollabHub.Web.Features.Appeals;

/// <summary>What the appeal's moderators work on: its status, the organisations waiting, and the States recorded.</summary>
public sealed record AppealManageView(AppealAccess Access, IReadOnlyList<PendingOrganisation> Queue, IReadOnlyList<RecordedState> States);

/// <summary>A State's recorded endorsement with the reference of its official communication.</summary>
public sealed record RecordedState(string Code, string Name, string Reference);
