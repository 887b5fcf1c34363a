namespace CollabHub.Web.Infrastructure.Email;

/// <summary>One batch's connection. Disposing it says goodbye to the server.</summary>
public interface IMailTransportSession : IAsyncDisposable
{
    /// <summary>Sends one message; throws <see cref="MailDeliveryException"/> saying whether to retry.</summary>
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}
