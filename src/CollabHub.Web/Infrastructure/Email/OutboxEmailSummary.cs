namespace CollabHub.Web.Infrastructure.Email;

/// <summary>One outbox row as the mail pages list it (no bodies).</summary>
public sealed record OutboxEmailSummary(
    long Id,
    string ToAddress,
    string? ToName,
    string Subject,
    DateTimeOffset CreatedAt,
    OutboxEmailStatus Status,
    int Attempts,
    DateTimeOffset? SentAt,
    string? LastError);
