using System.Net;
using System.Text.RegularExpressions;
using CollabHub.Benchmarks.Chat;

namespace CollabHub.Benchmarks.Events;

/// <summary>
/// Posts the event page's buttons for many signed-in members over one connection pool: each member's own cookies
/// (session and antiforgery) and the token from their own copy of the page, as their browser would send them.
/// </summary>
public sealed partial class RaceClient(AppUnderTest app) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1024 })
    {
        BaseAddress = app.BaseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly Dictionary<string, string> tokens = new(StringComparer.Ordinal);

    /// <summary>Opens the event page as each member (eight at a time), keeping the antiforgery cookie and token it hands out.</summary>
    public async Task OpenEventPageAsync(IReadOnlyList<BenchMember> members, string slug, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (member, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"events/{slug}");
            request.Headers.Add("Cookie", member.Cookies.GetCookieHeader(app.BaseUrl));
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    member.Cookies.SetCookies(app.BaseUrl, cookie);
                }
            }

            var html = await response.Content.ReadAsStringAsync(ct);
            var token = Token().Match(html);
            if (!token.Success || !html.Contains($"events/{slug}/register\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The event page offered member {member.UserId} no registration button.");
            }

            lock (found)
            {
                found[member.UserId] = WebUtility.HtmlDecode(token.Groups[1].Value);
            }
        });
        foreach (var (user, token) in found)
        {
            tokens[user] = token;
        }
    }

    /// <summary>
    /// Each member presses the button at their moment, spread evenly over <paramref name="window"/> (open loop);
    /// latency counts from that moment. Returns the latencies and when the last answer came, from the first moment.
    /// </summary>
    public async Task<RaceResult> PressAsync(IReadOnlyList<BenchMember> members, string slug, string action, TimeSpan window, CancellationToken cancellationToken)
    {
        var interval = members.Count > 1 ? window / (members.Count - 1) : TimeSpan.Zero;
        var run = await OpenLoop.RunAsync(
            members.Count, interval, TimeSpan.FromSeconds(120), (i, token) => PostAsync(members[i], $"events/{slug}/{action}", token), cancellationToken);
        return new RaceResult(Latency.FromMicroseconds(run.Histogram, members.Count / window.TotalSeconds, run.Errors), run.LastAnswer);
    }

    public void Dispose() => http.Dispose();

    /// <summary>A button's form post; the endpoint answers every decision with a redirect back to the event page.</summary>
    private async Task<bool> PostAsync(BenchMember member, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[member.UserId] }),
        };
        request.Headers.Add("Cookie", member.Cookies.GetCookieHeader(app.BaseUrl));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }


    [GeneratedRegex(""""name="__RequestVerificationToken"[^>]*value="([^"]+)"""")]
    private static partial Regex Token();
}
