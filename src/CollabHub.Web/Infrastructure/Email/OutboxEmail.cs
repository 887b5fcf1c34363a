namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// One mail waiting for, or past, delivery. The bodies are rendered when the row is created, so what is sent is
/// what the change that caused it said, and the Message-Id is fixed then too: a retry after a crash re-sends the
/// same Message-Id, which lets receiving servers and clients drop the duplicate.
/// </summary>
public class OutboxEmail
{
    public const int AddressMaxLength = 320;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int MessageIdMaxLength = 250;
    public const int ErrorMaxLength = 2000;
    public const int UnsubscribeUrlMaxLength = 1000;

    public long Id { get; set; }

    /// <summary>The RFC 5322 Message-Id without angle brackets, e.g. <c>3f2c…@collabhub.example</c>.</summary>
    public string MessageId { get; set; } = "";

    public string ToAddress { get; set; } = "";

    public string? ToName { get; set; }

    public string Subject { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public string TextBody { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxEmailStatus Status { get; set; } = OutboxEmailStatus.Pending;

    /// <summary>Delivery attempts that reached an outcome (sent, refused or failed).</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When an unsent mail is dead-lettered: creation (or an administrator's retry) plus the maximum age.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The lease of the dispatcher sending it; null unless <see cref="Status"/> is sending.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The one-click unsubscribe address sent as <c>List-Unsubscribe</c>; null for mail that can't be stopped.</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>Files sent with the mail, kept in <c>outbox_email_attachments</c>; loaded with each claimed batch.</summary>
    public List<OutboxEmailAttachment> Attachments { get; set; } = [];
}
