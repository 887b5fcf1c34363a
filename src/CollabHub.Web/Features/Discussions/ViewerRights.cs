namespace CollabHub.Web.Features.Discussions;

/// <summary>What the viewer may do in the group right now (re-checked by every operation, never trusted from here).</summary>
public sealed record ViewerRights(string UserId, bool CanParticipate, bool CanModerate);
