using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// One browser's view of the app over HTTP: it keeps cookies, follows no redirects by itself (tests look at them),
/// and fills in static-SSR forms the way a browser does, with the page's own antiforgery token.
/// </summary>
public sealed partial class BrowserSession(WebApplicationFactory<Program> app) : IDisposable
{
    public HttpClient Client { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async Task<Page> GetAsync(string path)
    {
        var response = await Client.GetAsync(path, Cancellation);
        return new Page(response, await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>Opens <paramref name="path"/>, then posts its form named <paramref name="formName"/> with the given fields.</summary>
    public async Task<Page> SubmitAsync(string path, string formName, IDictionary<string, string> fields)
    {
        var form = await GetAsync(path);
        Assert.True(form.Response.IsSuccessStatusCode, $"GET {path} answered {(int)form.Response.StatusCode}");
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = form.AntiforgeryToken(formName),
        };
        using var content = new FormUrlEncodedContent(values);
        var response = await Client.PostAsync(path, content, Cancellation);
        return new Page(response, await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>Signs in through the sign-in form; returns the response (a redirect when it worked).</summary>
    public Task<Page> SignInAsync(string email, string password) =>
        SubmitAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("""<form[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex(""""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken"""")]
    private static partial Regex TokenPattern();

    /// <summary>A response and its HTML.</summary>
    public sealed record Page(HttpResponseMessage Response, string Html)
    {
        public HttpStatusCode Status => Response.StatusCode;

        public string? RedirectedTo => Response.Headers.Location?.OriginalString;

        /// <summary>The token inside the form with the given Blazor form name (every SSR form carries its own).</summary>
        public string AntiforgeryToken(string formName)
        {
            foreach (Match form in FormPattern().Matches(Html))
            {
                if (form.Value.Contains($"value=\"{formName}\"", StringComparison.Ordinal)
                    && TokenPattern().Match(form.Value) is { Success: true } token)
                {
                    return WebUtility.HtmlDecode(token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value);
                }
            }

            throw new InvalidOperationException($"No form named '{formName}' with an antiforgery token on the page.");
        }
    }
}
