using System.Security.Cryptography;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CollabHub.Web.Features.Notifications;

/// <summary>
/// Signed unsubscribe links: the member's id and the scope, authenticated-encrypted with the app's Data Protection
/// keys (kept in the database, so every instance and restart reads them). Nobody can make one for another member,
/// and no sign-in is needed to use one, as RFC 8058 requires.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, PublicUrls urls)
{
    public const string Path = "notifications/unsubscribe";
    private const string DigestScope = "digest";

    private readonly IDataProtector protector = protection.CreateProtector("CollabHub.Notifications.Unsubscribe.v1");

    public string Create(UnsubscribeScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var payload = $"{scope.UserId}\n{scope.Kind?.ToString() ?? DigestScope}";
        return WebEncoders.Base64UrlEncode(protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>The absolute one-click address for a mail (query string, so the RFC 8058 POST carries it too).</summary>
    public Uri Link(UnsubscribeScope scope) => urls.Absolute($"{Path}?token={Create(scope)}");

    /// <summary>The scope the token was made for, or null when it is malformed, tampered with or from another key ring.</summary>
    public UnsubscribeScope? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var payload = System.Text.Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = payload.Split('\n');
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                return null;
            }

            if (parts[1] == DigestScope)
            {
                return new UnsubscribeScope(parts[0], null);
            }

            return Enum.TryParse<NotificationKind>(parts[1], out var kind) && Enum.IsDefined(kind) ? new UnsubscribeScope(parts[0], kind) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
