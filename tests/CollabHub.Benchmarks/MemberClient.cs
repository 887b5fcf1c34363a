using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace CollabHub.Benchmarks;

/// <summary>
/// A member made the way a person makes one: the register form, the confirmation mail (read from the app's pickup
/// folder), the confirmation link and the sign-in form. Its client then carries the sign-in cookie.
/// </summary>
public static partial class MemberClient
{
    public const string Password = "benchmark passphrase 2026";

    public static HttpClient NewClient(Uri baseUrl, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<HttpClient> RegisterAndSignInAsync(AppUnderTest app, string name, CancellationToken cancellationToken, string? email = null)
    {
        email ??= $"member-{Guid.NewGuid():N}@bench.example";
        var client = NewClient(app.BaseUrl);
        await SubmitAsync(client, "Account/Register", "register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }, cancellationToken);

        var link = await WaitForConfirmationLinkAsync(app.MailDirectory, email, cancellationToken);
        (await client.GetAsync(link, cancellationToken)).EnsureSuccessStatusCode();
        await SignInAsync(client, email, cancellationToken);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> in through the sign-in form; its cookie container then holds the session.</summary>
    public static async Task SignInAsync(HttpClient client, string email, CancellationToken cancellationToken)
    {
        var signIn = await SubmitAsync(client, "Account/Login", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }, cancellationToken);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} failed ({(int)signIn.StatusCode}).");
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string form, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        var html = await client.GetStringAsync(path, cancellationToken);
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, cancellationToken);
    }

    private static async Task<Uri> WaitForConfirmationLinkAsync(string folder, string email, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file, cancellationToken);
                if (message.To.Mailboxes.Any(m => m.Address == email) && ConfirmLink().Match(message.TextBody ?? "") is { Success: true } link)
                {
                    return new Uri(link.Value);
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"No confirmation mail for {email} within 30 seconds.");
    }

    [GeneratedRegex(""""name="__RequestVerificationToken"[^>]*value="([^"]+)"""")]
    private static partial Regex Token();

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmLink();
}
