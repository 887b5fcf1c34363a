namespace CollabHub.Web.Features.Discussions;

/// <summary>What a moderator decides about a flagged post; every open flag on it gets the same outcome.</summary>
public enum FlagDecision
{
    HidePost,
    KeepPost,
}
