namespace CollabHub.Web.Features.Discussions;

/// <summary>One member's flag on a post, as moderators review it.</summary>
public sealed record FlagReport(FlagReason Reason, string Details, string FlaggerName, DateTimeOffset CreatedAt);
