namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// A message was not delivered. <see cref="IsPermanent"/> (an SMTP 5xx, an unparsable address) dead-letters it;
/// otherwise (4xx, connection lost, timeout) it is retried with backoff.
/// </summary>
public sealed class MailDeliveryException(string message, bool isPermanent, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool IsPermanent { get; } = isPermanent;
}
