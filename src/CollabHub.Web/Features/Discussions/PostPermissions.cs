namespace CollabHub.Web.Features.Discussions;

/// <summary>What the viewer may do with one post, decided by the service; the UI only shows what is allowed.</summary>
public sealed record PostPermissions(bool Reply, bool Edit, bool Delete, bool Hide, bool Flag, bool React, bool SeeHistory)
{
    public static PostPermissions None { get; } = new(false, false, false, false, false, false, false);
}
