using System.Net;
using System.Net.Http.Headers;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// A browser without script against the app: keeps cookies, follows redirects or shows them, and fills in Blazor's
/// static SSR forms the way a person would (GET the page, post the form with its hidden antiforgery token and handler
/// name, and whatever else the page filled in).
/// </summary>
public sealed class TestBrowser : IDisposable
{
    /// <summary>The application cookie Identity sets on sign-in.</summary>
    public const string AuthCookieName = ".AspNetCore.Identity.Application";

    private ApplicationUser? account;

    /// <summary>A browser that follows redirects, so each page is where the browser ended up.</summary>
    public TestBrowser(WebApplicationFactory<Program> app)
        : this(app, followRedirects: true)
    {
    }

    /// <summary>
    /// A browser that follows redirects, or (<paramref name="followRedirects"/> false) one that shows each redirect as
    /// the app sent it, for tests about post-redirect-get and sign-in challenges.
    /// </summary>
    public TestBrowser(WebApplicationFactory<Program> app, bool followRedirects)
    {
        FollowsRedirects = followRedirects;
        var cookies = new CookieContainerHandler(Cookies);
        Client = followRedirects
            ? app.CreateDefaultClient(new Uri("http://localhost/"), new RedirectHandler(), cookies)
            : app.CreateDefaultClient(new Uri("http://localhost/"), cookies);
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The browser's own client (its cookies, its redirect mode), for what is not a page: files, images, CSV.</summary>
    public HttpClient Client { get; }

    public bool FollowsRedirects { get; }

    /// <summary>Whether the browser holds the sign-in cookie.</summary>
    public bool HasAuthCookie => Cookies.GetCookies(Client.BaseAddress!).Any(c => c.Name == AuthCookieName);

    /// <summary>The account this browser signed in as with <see cref="SignInAsync(ApplicationUser, string)"/>.</summary>
    public ApplicationUser Account => account ?? throw new InvalidOperationException("This browser has not signed in as an account.");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Requests a page and returns whatever the app answered.</summary>
    public async Task<HtmlPage> GetAsync(string pathOrUrl)
    {
        using var response = await Client.GetAsync(pathOrUrl, Cancellation);
        return await PageAsync(response);
    }

    /// <summary>Opens a page a person can read: fails the test unless the app answers 200 OK.</summary>
    public async Task<HtmlPage> OpenAsync(string pathOrUrl)
    {
        var page = await GetAsync(pathOrUrl);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {pathOrUrl} answered {(int)page.Status} {page.Status} on {page.Url}, not 200 OK.");
        return page;
    }

    /// <summary>Follows the redirect <paramref name="page"/> is (a 302, as the app sends them) and opens where it leads.</summary>
    public Task<HtmlPage> FollowAsync(HtmlPage page)
    {
        Assert.True(
            page.Status == HttpStatusCode.Redirect && page.RedirectLocation is not null,
            $"Expected a redirect from {page.Url}, got {(int)page.Status} {page.Status}: {page.Html}");
        return OpenAsync(new Uri(page.Url, page.RedirectLocation).AbsoluteUri);
    }

    /// <summary>Opens <paramref name="path"/>, fills in the named form with <paramref name="values"/> and submits it.</summary>
    public async Task<HtmlPage> SubmitFormAsync(
        string path, string formName, IEnumerable<KeyValuePair<string, string>>? values = null, IEnumerable<FileUpload>? files = null) =>
        await SubmitFormAsync(await GetAsync(path), formName, values, files);

    /// <summary>
    /// Fills in the form named <paramref name="formName"/> on <paramref name="page"/> and submits it. A name given in
    /// <paramref name="values"/> replaces every value the form had under it; the other fields go as the page filled
    /// them in. The form goes as multipart/form-data when its enctype says so or <paramref name="files"/> are chosen.
    /// </summary>
    public Task<HtmlPage> SubmitFormAsync(
        HtmlPage page, string formName, IEnumerable<KeyValuePair<string, string>>? values = null, IEnumerable<FileUpload>? files = null) =>
        SubmitAsync(page.Form(formName), values, files);

    /// <summary>Submits a form found on a page (<see cref="HtmlPage.Form"/>, <see cref="HtmlPage.FormPostingTo"/>), filled in as above.</summary>
    public async Task<HtmlPage> SubmitAsync(
        HtmlForm form, IEnumerable<KeyValuePair<string, string>>? values = null, IEnumerable<FileUpload>? files = null)
    {
        var fields = form.FilledIn(values);
        using HttpContent content = form.IsMultipart || files is not null ? Multipart(fields, files ?? []) : new FormUrlEncodedContent(fields);
        using var response = await Client.PostAsync(form.Action, content, Cancellation);
        return await PageAsync(response);
    }

    /// <summary>Posts the sign-in form and returns the answer, signed in or not.</summary>
    public Task<HtmlPage> TrySignInAsync(string email, string password) =>
        SubmitFormAsync("Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in through the real sign-in form; fails the test if the app does not accept it.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var page = await TrySignInAsync(email, password);
        var accepted = page.Status == HttpStatusCode.Redirect || page.Html.Contains("Sign out", StringComparison.Ordinal);
        Assert.True(accepted && HasAuthCookie, $"Signing in as {email} failed: {(int)page.Status} {page.Status} on {page.Url}");
    }

    /// <summary>Signs in as <paramref name="account"/> (see <see cref="Account"/>); fails the test if the app does not accept it.</summary>
    public async Task SignInAsync(ApplicationUser account, string password = TestAccounts.Password)
    {
        await SignInAsync(account.Email!, password);
        this.account = account;
    }

    public void Dispose() => Client.Dispose();

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<FileUpload> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.FieldName, file.FileName);
        }

        return content;
    }

    private static async Task<HtmlPage> PageAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync(Cancellation))
        {
            RedirectLocation = response.Headers.Location,
        };
}
