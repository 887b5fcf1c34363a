namespace CollabHub.Web.Features.Discussions;

/// <summary>Where a new thread or reply landed, for the page to go to.</summary>
public sealed record PostReceipt(Guid ThreadId, Guid PostId, int Number, string Path);
