using System.Net;
using System.Net.WebSockets;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Infrastructure.Benchmarks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.Benchmarks.Chat;

/// <summary>Hub connections the way a bot would open them: WebSockets straight away, the member's cookie, one protocol.</summary>
public static class HubConnections
{
    public static HubConnection Create(AppUnderTest app, HubKind hub, bool messagePack, CookieContainer? cookies)
    {
        var path = hub == HubKind.Chat ? ChatFeature.HubPath : BenchmarkProbes.EchoHubPath;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(app.BaseUrl, path.TrimStart('/')), HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            if (cookies is not null)
            {
                o.Cookies = cookies;
            }
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        return connection;
    }

    /// <summary>
    /// Starts <paramref name="connections"/> a few at a time (a real crowd arrives over seconds, not in one tick). A start
    /// the server refuses is tried again twice, as a client's reconnect would; returns how many starts were refused, for
    /// the report, so a refusal is counted rather than ending the run.
    /// </summary>
    public static async Task<int> StartAllAsync(IEnumerable<HubConnection> connections, CancellationToken cancellationToken)
    {
        var refused = 0;
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (connection, ct) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await connection.StartAsync(ct);
                        return;
                    }
                    catch (Exception refusal) when (attempt < 3 && refusal is WebSocketException or HttpRequestException)
                    {
                        Interlocked.Increment(ref refused);
                        await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
                    }
                }
            });
        return refused;
    }

    public static Task DisposeAllAsync(IEnumerable<HubConnection> connections) =>
        Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (connection, _) => await connection.DisposeAsync());
}
