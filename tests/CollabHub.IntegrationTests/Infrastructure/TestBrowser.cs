using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// A browser without script against the app: keeps cookies, follows redirects, and fills in Blazor's static SSR forms
/// the way a person would (GET the page, post the form with its hidden antiforgery token and handler name).
/// </summary>
public sealed class TestBrowser : IDisposable
{
    public TestBrowser(WebApplicationFactory<Program> app)
    {
        Client = app.CreateDefaultClient(new Uri("http://localhost/"), new RedirectHandler(), new CookieContainerHandler(Cookies));
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public async Task<HtmlPage> GetAsync(string pathOrUrl)
    {
        using var response = await Client.GetAsync(pathOrUrl, TestContext.Current.CancellationToken);
        return await PageAsync(response);
    }

    /// <summary>Opens <paramref name="path"/>, fills the named form with <paramref name="values"/> and submits it.</summary>
    public async Task<HtmlPage> SubmitFormAsync(string path, string formName, IDictionary<string, string>? values = null) =>
        await SubmitFormAsync(await GetAsync(path), formName, values);

    public async Task<HtmlPage> SubmitFormAsync(HtmlPage page, string formName, IDictionary<string, string>? values = null)
    {
        var form = page.Form(formName);
        var fields = new Dictionary<string, string>(form.Fields);
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await Client.PostAsync(form.Action, content, TestContext.Current.CancellationToken);
        return await PageAsync(response);
    }

    /// <summary>Signs in through the real sign-in form; fails the test if the app does not accept it.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var page = await SubmitFormAsync("Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(page.Html.Contains("Sign out", StringComparison.Ordinal), $"Signing in as {email} failed; ended on {page.Url}");
    }

    public void Dispose() => Client.Dispose();

    private static async Task<HtmlPage> PageAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
}
