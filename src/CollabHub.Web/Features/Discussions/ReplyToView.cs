namespace CollabHub.Web.Features.Discussions;

/// <summary>The post a reply answers, for its "in reply to" link.</summary>
public sealed record ReplyToView(int Number, string AuthorName);
