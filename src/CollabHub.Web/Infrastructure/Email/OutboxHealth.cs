namespace CollabHub.Web.Infrastructure.Email;

/// <summary>The outbox at a glance: rows per status and how long the oldest undelivered mail has waited.</summary>
public sealed record OutboxHealth(int Pending, int Sending, int Sent, int Dead, TimeSpan? OldestUnsentAge, string Transport);
