using CollabHub.Web.Features.Discussions.Mentions;

namespace CollabHub.Web.Features.Discussions;

/// <summary>A member the editor offers to mention, and the text it inserts for them.</summary>
public sealed record MentionSuggestion(MentionedMember Member, string Token);
