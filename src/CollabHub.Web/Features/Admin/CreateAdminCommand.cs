using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Admin;

/// <summary>
/// <c>create-admin EMAIL</c>: makes the account with that address an administrator (creating it, confirmed and
/// without a password, when it does not exist) and prints a one-time link to set a password. The link is
/// Identity's password-reset token, bound to the security stamp, which changes when the password is set.
/// No password is ever chosen, printed or stored here.
/// </summary>
public sealed class CreateAdminCommand(IServiceScopeFactory scopes, PublicUrls urls, TimeProvider clock) : IStartupCommand
{
    public const string CommandName = "create-admin";

    public string Name => CommandName;

    public string? Validate(IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 1)
        {
            return "Usage: create-admin EMAIL, with one e-mail address, for example: create-admin jane.doe@un.org";
        }

        return TryParseEmail(arguments[0], out _)
            ? null
            : $"\"{arguments[0]}\" is not an e-mail address; give one like jane.doe@un.org.";
    }

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (!TryParseEmail(arguments[0], out var email))
        {
            throw new ArgumentException("Run Validate first.", nameof(arguments));
        }

        try
        {
            var (user, notes, token) = await MakeAdministratorAsync(email, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var lifespan = scope.ServiceProvider.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan;
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = urls.Absolute($"/Account/ResetPassword?code={Uri.EscapeDataString(code)}");

            // The console, not the logger: logs are kept and shipped elsewhere, and this link is a credential.
            await Console.Out.WriteLineAsync($"""

                Administrator ready: {user.Email} ({notes}).
                To set a password, open this link within {Describe(lifespan)}. It works once:

                  {link.AbsoluteUri}

                Enter {user.Email} and the new password there, then sign in.

                """);
            await Console.Out.FlushAsync(cancellationToken);
            return 0;
        }
        catch (AdminRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    private async Task<(ApplicationUser User, string Notes, string Token)> MakeAdministratorAsync(string email, CancellationToken cancellationToken)
    {
        await using var tx = await AdminTransaction.BeginAsync(scopes, cancellationToken);
        var audit = tx.Services.GetRequiredService<AuditLog>();
        await tx.EnsureSiteRolesAsync();

        var notes = new List<string>();
        var user = await tx.Users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = DisplayNameFor(email),
                CreatedAt = clock.GetUtcNow(),
            };
            AdminTransaction.Ensure(await tx.Users.CreateAsync(user), "The account could not be created");
            notes.Add("new account");
        }
        else
        {
            notes.Add("existing account");
            await RestoreAccessAsync(tx, user, notes);
        }

        var missing = new[] { SiteRoles.Administrator, SiteRoles.Member }.Except(await tx.Users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            AdminTransaction.Ensure(await tx.Users.AddToRolesAsync(user, missing), "The roles could not be assigned");
        }

        var summary = string.Join("; ", notes);
        audit.Add(tx.Db, actor: null, AuditActions.AdminCreate, user, summary);

        // Generated last: the token is bound to the security stamp the steps above may have changed.
        var token = await tx.Users.GeneratePasswordResetTokenAsync(user);
        await tx.CommitAsync(cancellationToken);
        return (user, summary, token);
    }

    /// <summary>
    /// The operator vouches for this address, so the account must become usable; but anyone could have registered
    /// an unconfirmed address, so a password set without proving ownership is removed rather than kept. Sessions
    /// end only when something like that changed, not merely because the account gains a role.
    /// </summary>
    private static async Task RestoreAccessAsync(AdminTransaction tx, ApplicationUser user, List<string> notes)
    {
        var changed = false;
        if (!user.EmailConfirmed)
        {
            if (await tx.Users.HasPasswordAsync(user))
            {
                AdminTransaction.Ensure(await tx.Users.RemovePasswordAsync(user), "The unconfirmed account's password could not be removed");
            }

            user.EmailConfirmed = true;
            notes.Add("e-mail confirmed, any earlier password removed");
            changed = true;
        }

        if (user.SuspendedAt is not null)
        {
            user.SuspendedAt = null;
            user.SuspensionReason = null;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            notes.Add("suspension lifted");
            changed = true;
        }

        if (changed)
        {
            AdminTransaction.Ensure(await tx.Users.UpdateSecurityStampAsync(user), "The account could not be updated");
        }
    }

    /// <summary>A plain address (no display name part, a dotted domain), the way Identity will store it.</summary>
    internal static bool TryParseEmail(string text, out string email)
    {
        email = text.Trim();
        return email.Length is > 0 and <= 256
            && new EmailAddressAttribute().IsValid(email)
            && MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email
            && parsed.DisplayName.Length == 0
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsWhiteSpace);
    }

    private static string DisplayNameFor(string email)
    {
        var local = email[..email.IndexOf('@', StringComparison.Ordinal)];
        return local.Length <= 100 ? local : local[..100];
    }

    private static string Describe(TimeSpan lifespan)
    {
        var (amount, unit) = lifespan.TotalHours >= 1 && lifespan.TotalHours % 1 == 0
            ? (lifespan.TotalHours, "hour")
            : (Math.Ceiling(lifespan.TotalMinutes), "minute");
        return string.Create(CultureInfo.InvariantCulture, $"{amount:0} {unit}{(amount == 1 ? "" : "s")}");
    }
}
