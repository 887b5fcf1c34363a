using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port. It records what it accepts (parsed with MimeKit), can refuse given
/// recipients with a 4xx or 5xx reply, can be slowed down, and can be stopped and started again on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly ConcurrentDictionary<string, SmtpResponse> refusals = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? running;
    private Task? serverTask;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>How long the server takes to accept each message (to widen race windows in tests).</summary>
    public TimeSpan AcceptDelay { get; set; }

    public IReadOnlyList<MimeMessage> Received => [.. received];

    /// <summary>The Message-Id of every accepted message, once per delivery (so duplicates show twice).</summary>
    public IReadOnlyList<string> ReceivedMessageIds => [.. received.Select(m => m.MessageId ?? "")];

    /// <summary>The app settings that send mail here.</summary>
    public IDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = IPAddress.Loopback.ToString(),
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:TlsMode"] = "None",
        ["Email:Smtp:TimeoutSeconds"] = "5",
    };

    public static TestSmtpServer Start()
    {
        var server = new TestSmtpServer(FreePort());
        server.Resume();
        return server;
    }

    /// <summary>Starts listening again after <see cref="StopAsync"/>.</summary>
    public void Resume()
    {
        if (running is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        running = new CancellationTokenSource();
        serverTask = server.StartAsync(running.Token);
    }

    /// <summary>Closes the port: connections are refused until <see cref="Resume"/>.</summary>
    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serverTask!;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
    }

    /// <summary>Answers DATA for <paramref name="address"/> with <paramref name="code"/> (e.g. 451 or 550).</summary>
    public void Refuse(string address, int code) =>
        refusals[address] = new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "Mailbox unavailable (test)" : "Try again later (test)");

    public void Accept(string address) => refusals.TryRemove(address, out _);

    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        [.. received.Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort() => LocalPostgresCluster.FreeLoopbackPort();

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            foreach (var to in transaction.To)
            {
                if (owner.refusals.TryGetValue($"{to.User}@{to.Host}", out var refusal))
                {
                    return refusal;
                }
            }

            if (owner.AcceptDelay > TimeSpan.Zero)
            {
                await Task.Delay(owner.AcceptDelay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            owner.received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
