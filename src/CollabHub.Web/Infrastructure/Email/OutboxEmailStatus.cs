namespace CollabHub.Web.Infrastructure.Email;

/// <summary>Where an outbox row is in its life. Stored as lower-case text so operators can read the table.</summary>
public enum OutboxEmailStatus
{
    /// <summary>Waiting for its <c>next_attempt_at</c>.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher until <c>locked_until</c>; claimable again once that lease expires.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server (or written to the pickup directory).</summary>
    Sent,

    /// <summary>Given up on: a permanent (5xx) refusal, or not delivered within the maximum age.</summary>
    Dead,
}
