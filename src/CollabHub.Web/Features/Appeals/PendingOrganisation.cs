namespace CollabHub.Web.Features.Appeals;

/// <summary>An organisation's endorsement waiting in the moderators' queue, with who submitted it.</summary>
public sealed record PendingOrganisation(Guid Id, string Name, OrganisationType Type, string CountryCode, string SubmittedBy, DateTimeOffset SubmittedAt);
