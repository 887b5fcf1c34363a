using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members;

/// <summary>Everything the hub holds about a member, as one readable JSON file (the "download my data" button).</summary>
public sealed class PersonalDataExport(UserManager<ApplicationUser> users, IEnumerable<IPersonalDataSource> sources, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<byte[]> BuildAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = new
            {
                user.Id,
                user.Email,
                user.EmailConfirmed,
                user.DisplayName,
                user.CreatedAt,
                user.LastSignInAt,
                user.PhoneNumber,
                user.TwoFactorEnabled,
                externalLogins = (await users.GetLoginsAsync(user)).Select(l => new { l.LoginProvider, l.ProviderKey }),
                authenticatorKey = await users.GetAuthenticatorKeyAsync(user),
                passkeys = (await users.GetPasskeysAsync(user)).Select(p => new { p.Name, p.CreatedAt }),
                roles = await users.GetRolesAsync(user),
            },
        };
        foreach (var source in sources.OrderBy(s => s.Section, StringComparer.Ordinal))
        {
            if (await source.CollectAsync(user.Id, cancellationToken) is { } section)
            {
                data[source.Section] = section;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(data, Json);
    }
}
