using System.Net.Mail;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// Endorsing and withdrawing, for members, visitors and organisations. Every method re-checks the viewer's access and
/// the appeal's status inside its transaction; a refusal is one sentence and changes nothing.
/// </summary>
public sealed partial class EndorsementService(
    IDbContextFactory<AppDbContext> contexts,
    AppealMails mails,
    AppealLive live,
    VisitorAttemptLimiter limiter,
    TimeProvider clock,
    ILogger<EndorsementService> logger)
{
    /// <summary>What a visitor is told after asking, whatever the address's history: the answer reveals nothing.</summary>
    public const string CheckYourMailMessage =
        "Thank you. We have sent a confirmation link to the address you gave; your endorsement counts once you open it.";

    public const string AlreadyEndorsedMessage = "You already endorse this appeal.";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<GroupOutcome> EndorseAsMemberAsync(AppealViewer viewer, string slug, bool listed, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return Task.FromResult(GroupOutcome.Refused("Sign in to endorse as a member."));
        }

        return RunAsync(slug, viewer, AlreadyEndorsedMessage, cancellationToken, async work =>
        {
            work.Appeal.EnsureTakesEndorsements(Today);
            if (await work.Db.AppealEndorsements.AnyAsync(
                e => e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.Individual && e.UserId == viewer.UserId, cancellationToken))
            {
                throw new AppealRuleException(AlreadyEndorsedMessage);
            }

            work.Db.AppealEndorsements.Add(Endorsement.ByMember(work.Appeal.Id, viewer.UserId!, listed, clock.GetUtcNow()));
            work.CountsChanged = true;
            return "Thank you: your endorsement is counted.";
        });
    }

    /// <summary>
    /// A visitor's request: a confirmation mail to a new address, a fresh link to a pending one, a note to one that
    /// already endorsed; the same answer in every case.
    /// </summary>
    public async Task<GroupOutcome> EndorseAsVisitorAsync(string slug, string? name, string? email, bool listed, CancellationToken cancellationToken = default)
    {
        var trimmedName = name?.Trim() ?? "";
        var address = email?.Trim() ?? "";
        if (trimmedName.Length == 0 || trimmedName.Length > Endorsement.NameMaxLength)
        {
            return GroupOutcome.Refused($"Enter your name (at most {Endorsement.NameMaxLength} characters).");
        }

        if (address.Length > Endorsement.EmailMaxLength || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return GroupOutcome.Refused("Enter a valid e-mail address, such as name@example.org.");
        }

        var outcome = await RunAsync(slug, AppealViewer.Anonymous, CheckYourMailMessage, cancellationToken, async work =>
        {
            if (!work.Access.VisitorsMayEndorse)
            {
                throw new AppealRuleException("Sign in to endorse this appeal.");
            }

            work.Appeal.EnsureTakesEndorsements(Today);
            if (!limiter.TryAcquire(address))
            {
                throw new AppealRuleException(VisitorAttemptLimiter.RetryMessage);
            }

            var key = address.ToLowerInvariant();
            var existing = await work.Db.AppealEndorsements.SingleOrDefaultAsync(
                e => e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.Individual && e.Email != null && EF.Property<string>(e, "EmailKey") == key,
                cancellationToken);
            if (existing is null)
            {
                var (endorsement, token) = Endorsement.ByVisitor(work.Appeal.Id, trimmedName, address, listed, clock.GetUtcNow());
                work.Db.AppealEndorsements.Add(endorsement);
                mails.ConfirmEndorsement(work.Db, address, trimmedName, work.Appeal, token);
            }
            else if (existing.Status == EndorsementStatus.Pending)
            {
                mails.ConfirmEndorsement(work.Db, address, existing.Name, work.Appeal, existing.RenewConfirmation(clock.GetUtcNow()));
            }
            else
            {
                mails.AlreadyEndorsed(work.Db, address, work.Appeal);
            }

            return CheckYourMailMessage;
        });
        return outcome;
    }

    /// <summary>The visitor opened the link in their mail: the endorsement counts from now on.</summary>
    public async Task<(GroupOutcome Outcome, string? Slug)> ConfirmVisitorAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Endorsement.Hash(token);
        var slug = await SlugForAsync(e => e.ConfirmationHash == hash, cancellationToken);
        if (slug is null)
        {
            return (GroupOutcome.Refused(Endorsement.ExpiredLinkMessage), null);
        }

        var outcome = await RunAsync(slug, AppealViewer.Anonymous, Endorsement.ExpiredLinkMessage, cancellationToken, async work =>
        {
            work.Appeal.EnsureTakesEndorsements(Today);
            var endorsement = await work.Db.AppealEndorsements.SingleOrDefaultAsync(e => e.ConfirmationHash == hash, cancellationToken)
                ?? throw new AppealRuleException(Endorsement.ExpiredLinkMessage);
            var withdrawToken = endorsement.ConfirmByEmail(clock.GetUtcNow());
            mails.Confirmed(work.Db, endorsement.Email!, endorsement.Name, work.Appeal, withdrawToken);
            work.CountsChanged = true;
            return "Thank you: your endorsement is confirmed and counted.";
        });
        return (outcome, slug);
    }

    /// <summary>A visitor withdraws with the link from their confirmation mail.</summary>
    public async Task<(GroupOutcome Outcome, string? Slug)> WithdrawByLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        const string Unusable = "This withdraw link is not valid, or the endorsement was already withdrawn.";
        var hash = Endorsement.Hash(token);
        var slug = await SlugForAsync(e => e.WithdrawHash == hash, cancellationToken);
        if (slug is null)
        {
            return (GroupOutcome.Refused(Unusable), null);
        }

        var outcome = await RunAsync(slug, AppealViewer.Anonymous, Unusable, cancellationToken, async work =>
        {
            var removed = await work.Db.AppealEndorsements.Where(e => e.WithdrawHash == hash).ExecuteDeleteAsync(cancellationToken);
            work.CountsChanged = removed > 0;
            return removed > 0 ? "Your endorsement is withdrawn." : throw new AppealRuleException(Unusable);
        });
        return (outcome, slug);
    }

    /// <summary>A member withdraws their own endorsement, and any organisation endorsement they submitted that waits.</summary>
    public Task<GroupOutcome> WithdrawAsMemberAsync(AppealViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        !viewer.IsSignedIn
            ? Task.FromResult(GroupOutcome.Refused("Sign in to withdraw your endorsement."))
            : RunAsync(slug, viewer, "", cancellationToken, async work =>
            {
                var removed = await work.Db.AppealEndorsements
                    .Where(e => e.AppealId == work.Appeal.Id && e.Capacity == EndorsementCapacity.Individual && e.UserId == viewer.UserId)
                    .ExecuteDeleteAsync(cancellationToken);
                work.CountsChanged = removed > 0;
                return removed > 0 ? "Your endorsement is withdrawn." : throw new AppealRuleException("You do not endorse this appeal.");
            });

    private Task<GroupOutcome> RunAsync(
        string slug, AppealViewer viewer, string duplicateMessage, CancellationToken cancellationToken, Func<AppealWork, Task<string>> change) =>
        AppealWork.RunAsync(contexts, slug, viewer, exclusive: false, live, logger, duplicateMessage, cancellationToken, change);

    private async Task<string?> SlugForAsync(System.Linq.Expressions.Expression<Func<Endorsement, bool>> match, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AppealEndorsements.Where(match)
            .Join(db.Appeals, e => e.AppealId, a => a.Id, (e, a) => a.Slug)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
