namespace CollabHub.Web.Features.Appeals;

/// <summary>Published on the appeal's live topic after a change to its confirmed endorsements committed.</summary>
public sealed record AppealEndorsementsChanged(Guid AppealId);
