using System.Net;
using System.Text.RegularExpressions;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// A member signed in over HTTP: their account and a client that keeps their cookies and follows no redirects, so
/// tests see exactly what a browser would be told. Create one with <see cref="MemberSessions.SignInNewMemberAsync"/>.
/// </summary>
public sealed partial class MemberSession(HttpClient client, string userId, string email, string password, string displayName) : IDisposable
{
    public HttpClient Client { get; } = client;

    public string UserId { get; } = userId;

    public string Email { get; } = email;

    public string Password { get; } = password;

    public string DisplayName { get; } = displayName;

    /// <summary>Fetches a page that holds a form and returns its HTML and antiforgery token.</summary>
    public async Task<(string Html, string Token)> GetFormAsync(string path, CancellationToken cancellationToken = default)
    {
        var response = await Client.GetAsync(path, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}; expected a page with a form.");
        }

        return (html, AntiforgeryToken(html));
    }

    /// <summary>
    /// Posts a Blazor form the way the browser does: the page's antiforgery token, the form's name as
    /// <c>_handler</c>, and the fields. Pass <paramref name="files"/> to send it as multipart/form-data.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string path,
        string formName,
        IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<FormFile>? files = null,
        CancellationToken cancellationToken = default)
    {
        var (_, token) = await GetFormAsync(path, cancellationToken);
        var all = new List<KeyValuePair<string, string>>(fields)
        {
            new("_handler", formName),
            new("__RequestVerificationToken", token),
        };

        HttpContent content;
        if (files is null)
        {
            content = new FormUrlEncodedContent(all);
        }
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in all)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Content);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
                multipart.Add(part, file.FieldName, file.FileName);
            }

            content = multipart;
        }

        using (content)
        {
            return await Client.PostAsync(path, content, cancellationToken);
        }
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("The page has no __RequestVerificationToken input.");
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
