namespace CollabHub.Web.Infrastructure.Email;

/// <summary>Where the dispatcher hands mail: an SMTP relay, or the pickup directory when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>A short human description for logs and the admin page (never a password).</summary>
    string Description { get; }

    /// <summary>Opens one session (one SMTP connection) for a batch. Throws <see cref="MailDeliveryException"/>.</summary>
    Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken);
}
