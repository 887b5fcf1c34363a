using System.Globalization;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>Sends through an SMTP relay with MailKit: one connection per batch, explicit connect and command timeouts.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    private EmailOptions Options => options.Value;

    public string Description => $"SMTP {Options.Smtp.Host}:{Options.Smtp.Port.ToString(CultureInfo.InvariantCulture)} ({Options.Smtp.TlsMode})";

    public async Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        var session = new Session(this, MailboxAddress.Parse(Options.From));
        try
        {
            await session.ConnectAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Decides retry or dead-letter for a failure while sending. Public so the rules have a test of their own.</summary>
    public static MailDeliveryException Classify(Exception error) => error switch
    {
        MailDeliveryException delivery => delivery,
        SmtpCommandException command => new MailDeliveryException(
            $"{(int)command.StatusCode} {command.Message}".Trim(),
            isPermanent: (int)command.StatusCode >= 500,
            command),
        ParseException parse => new MailDeliveryException($"Invalid address: {parse.Message}", isPermanent: true, parse),
        AuthenticationException auth => new MailDeliveryException($"SMTP authentication failed: {auth.Message}", isPermanent: false, auth),
        OperationCanceledException or TimeoutException => new MailDeliveryException("The SMTP server did not answer in time.", isPermanent: false, error),
        _ => new MailDeliveryException($"{error.GetType().Name}: {error.Message}", isPermanent: false, error),
    };

    private static SecureSocketOptions SocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.Auto => SecureSocketOptions.Auto,
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown TLS mode."),
    };

    private sealed class Session(SmtpMailTransport transport, MailboxAddress from) : IMailTransportSession
    {
        private readonly SmtpClient client = new();

        private SmtpOptions Smtp => transport.Options.Smtp;

        private TimeSpan Timeout => TimeSpan.FromSeconds(Smtp.TimeoutSeconds);

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            // MailKit applies Timeout to each command; the connect (DNS, TCP, TLS, greeting) gets the same explicit bound.
            client.Timeout = (int)Timeout.TotalMilliseconds;
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(Timeout);
            try
            {
                await client.ConnectAsync(Smtp.Host ?? "", Smtp.Port, SocketOptions(Smtp.TlsMode), connectTimeout.Token);
                if (!string.IsNullOrEmpty(Smtp.UserName))
                {
                    await client.AuthenticateAsync(Smtp.UserName, Smtp.Password ?? "", connectTimeout.Token);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new MailDeliveryException($"Could not connect to {transport.Description}: {Classify(ex).Message}", isPermanent: false, ex);
            }
        }

        public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
        {
            MimeMessage message;
            try
            {
                message = OutboxMessageBuilder.Build(email, from);
            }
            catch (ParseException ex)
            {
                throw Classify(ex);
            }

            if (!client.IsConnected)
            {
                // The previous message's failure dropped the connection (protocol error, timeout); start afresh.
                await ConnectAsync(cancellationToken);
            }

            using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            sendTimeout.CancelAfter(Timeout * 2);
            try
            {
                await client.SendAsync(message, sendTimeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Classify(ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                using var quitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await client.DisconnectAsync(quit: true, quitTimeout.Token);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException or ServiceNotConnectedException)
                {
                    // Everything was already sent and accounted for; a failed goodbye changes nothing.
                }
            }

            client.Dispose();
        }
    }
}
