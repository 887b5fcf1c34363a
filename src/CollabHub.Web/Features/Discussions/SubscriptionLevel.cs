namespace CollabHub.Web.Features.Discussions;

/// <summary>How closely a member wants to hear about a thread. Without a row a member is at the group's default.</summary>
public enum SubscriptionLevel
{
    /// <summary>Every reply is worth telling them about (set when they start or reply, unless they muted it).</summary>
    Following = 1,

    /// <summary>Never tell them, and show no unread marker.</summary>
    Muted = 2,
}
