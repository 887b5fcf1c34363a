namespace CollabHub.Web.Features.Notifications;

/// <summary>One line of a digest: what happened, and the site-relative link to it.</summary>
public sealed record DigestLine(string Text, string Url);
