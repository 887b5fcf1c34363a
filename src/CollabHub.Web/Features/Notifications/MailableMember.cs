namespace CollabHub.Web.Features.Notifications;

/// <summary>A member notification mail may go to (confirmed, not suspended).</summary>
public sealed record MailableMember(string Id, string Email, string DisplayName);
