using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Admin;

/// <summary>
/// What site administrators do to accounts: roles, suspension, confirmation mail. Every change checks that the
/// actor is an administrator in good standing (not only the page), runs in one transaction with its audit entry,
/// and answers with one sentence for the administrator. Roles are in <c>MemberAdministrationService.Roles.cs</c>,
/// reads in <c>MemberAdministrationService.Queries.cs</c>.
/// </summary>
public sealed partial class MemberAdministrationService(
    IDbContextFactory<AppDbContext> contexts,
    IServiceScopeFactory scopes,
    AuditLog audit,
    IEmailSender<ApplicationUser> emailSender,
    PublicUrls urls,
    ILookupNormalizer normalizer,
    TimeProvider clock,
    ILiveEvents live,
    ILogger<MemberAdministrationService> logger)
{
    /// <summary>
    /// Suspends the account: it can no longer sign in by any route, and every session and circuit it has ends at
    /// the next security-stamp validation.
    /// </summary>
    public async Task<AdminOutcome> SuspendAsync(ClaimsPrincipal actor, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var outcome = await SuspendCommittedAsync(actor, userId, reason, cancellationToken);
        if (outcome.Succeeded)
        {
            // Live connections (chat) end now rather than at their next security-stamp check.
            await live.PublishAsync(LiveTopics.User(userId), new AccountSuspended(userId), cancellationToken);
        }

        return outcome;
    }

    private Task<AdminOutcome> SuspendCommittedAsync(ClaimsPrincipal actor, string userId, string? reason, CancellationToken cancellationToken) =>
        RunAsync(actor, userId, cancellationToken, async (tx, admin, member) =>
        {
            var why = reason?.Trim() ?? "";
            if (why.Length == 0)
            {
                throw new AdminRefusedException("Give a reason for the suspension; other administrators will read it.");
            }

            if (why.Length > ApplicationUser.SuspensionReasonMaxLength)
            {
                throw new AdminRefusedException($"Keep the reason within {ApplicationUser.SuspensionReasonMaxLength} characters.");
            }

            if (member.Id == admin.Id)
            {
                throw new AdminRefusedException("You can't suspend your own account.");
            }

            if (member.SuspendedAt is not null)
            {
                throw new AdminRefusedException($"{MemberDisplay.Of(member)} is already suspended.");
            }

            if (await tx.Users.IsInRoleAsync(member, SiteRoles.Administrator)
                && await tx.CountActiveAdministratorsAsync(member.Id, cancellationToken) == 0)
            {
                throw new AdminRefusedException($"{MemberDisplay.Of(member)} is the last administrator in good standing and can't be suspended.");
            }

            member.SuspendedAt = clock.GetUtcNow();
            member.SuspensionReason = why;
            member.LockoutEnabled = true;
            member.LockoutEnd = DateTimeOffset.MaxValue;
            audit.Add(tx.Db, admin, AuditActions.MemberSuspend, member, why);
            AdminTransaction.Ensure(await tx.Users.UpdateSecurityStampAsync(member), "The account could not be suspended");
            return $"{MemberDisplay.Of(member)} is suspended: they can't sign in, and their open sessions end at the next security check.";
        });

    public Task<AdminOutcome> ReinstateAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, cancellationToken, async (tx, admin, member) =>
        {
            if (member.SuspendedAt is null)
            {
                throw new AdminRefusedException($"{MemberDisplay.Of(member)} is not suspended.");
            }

            member.SuspendedAt = null;
            member.SuspensionReason = null;
            member.LockoutEnd = null;
            member.AccessFailedCount = 0;
            audit.Add(tx.Db, admin, AuditActions.MemberReinstate, member);
            AdminTransaction.Ensure(await tx.Users.UpdateSecurityStampAsync(member), "The account could not be reinstated");
            return $"{MemberDisplay.Of(member)} is reinstated and can sign in again.";
        });

    /// <summary>Mails a fresh confirmation link to an account that has not confirmed its address yet.</summary>
    public Task<AdminOutcome> ResendConfirmationAsync(ClaimsPrincipal actor, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, cancellationToken, async (tx, admin, member) =>
        {
            if (member.EmailConfirmed)
            {
                throw new AdminRefusedException($"{MemberDisplay.Of(member)} has already confirmed their e-mail address.");
            }

            if (string.IsNullOrEmpty(member.Email))
            {
                throw new AdminRefusedException("This account has no e-mail address to write to.");
            }

            if (member.SuspendedAt is not null)
            {
                throw new AdminRefusedException($"{MemberDisplay.Of(member)} is suspended; reinstate them first.");
            }

            var token = await tx.Users.GenerateEmailConfirmationTokenAsync(member);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = urls.Absolute(
                $"/Account/ConfirmEmail?userId={Uri.EscapeDataString(member.Id)}&code={Uri.EscapeDataString(code)}");

            // Encoded exactly as the Identity pages pass it, so every IEmailSender sees one format.
            await emailSender.SendConfirmationLinkAsync(member, member.Email, HtmlEncoder.Default.Encode(link.AbsoluteUri));
            audit.Add(tx.Db, admin, AuditActions.ConfirmationResend, member, $"Sent to {member.Email}");
            return $"A new confirmation link was sent to {member.Email}.";
        });

    private async Task<AdminOutcome> RunAsync(
        ClaimsPrincipal actor,
        string userId,
        CancellationToken cancellationToken,
        Func<AdminTransaction, ApplicationUser, ApplicationUser, Task<string>> change)
    {
        try
        {
            await using var tx = await AdminTransaction.BeginAsync(scopes, cancellationToken);
            var admin = await RequireAdministratorAsync(tx, actor);
            var member = await tx.Users.FindByIdAsync(userId)
                ?? throw new AdminRefusedException("That account no longer exists.");
            var message = await change(tx, admin, member);
            await tx.CommitAsync(cancellationToken);
            return AdminOutcome.Done(message);
        }
        catch (AdminRefusedException refused)
        {
            return AdminOutcome.Refused(refused.Message);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "Administrative change to account {UserId} failed", userId);
            return AdminOutcome.Refused("The change could not be saved, so nothing was changed. Please try again.");
        }
    }

    /// <summary>Checked against the database, not the cookie: a demoted or suspended administrator is refused at once.</summary>
    internal static async Task<ApplicationUser> RequireAdministratorAsync(AdminTransaction tx, ClaimsPrincipal actor)
    {
        var actorId = tx.Users.GetUserId(actor);
        var admin = actorId is null ? null : await tx.Users.FindByIdAsync(actorId);
        if (admin is null || admin.SuspendedAt is not null || !await tx.Users.IsInRoleAsync(admin, SiteRoles.Administrator))
        {
            throw new AdminRefusedException("Only administrators can do that.");
        }

        return admin;
    }
}
