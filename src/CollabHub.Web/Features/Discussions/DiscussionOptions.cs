using System.ComponentModel.DataAnnotations;

namespace CollabHub.Web.Features.Discussions;

/// <summary>Settings under <c>Discussions</c>: how fast members may post (new threads and replies together).</summary>
public sealed class DiscussionOptions
{
    public const string Section = "Discussions";

    /// <summary>Posts an established member may make in a burst.</summary>
    [Range(1, 1000)]
    public int PostBurst { get; set; } = 10;

    /// <summary>How often an established member regains one post.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Posts in a burst for an account younger than <see cref="NewAccountAge"/> (spam accounts post at once).</summary>
    [Range(1, 1000)]
    public int NewAccountPostBurst { get; set; } = 3;

    public TimeSpan NewAccountPostInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan NewAccountAge { get; set; } = TimeSpan.FromDays(1);
}
