namespace CollabHub.Web.Features.Discussions.Mentions;

/// <summary>A group member a post mentions (or the editor suggests).</summary>
public sealed record MentionedMember(string UserId, string DisplayName);
