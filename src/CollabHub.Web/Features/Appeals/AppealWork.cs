using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// One change to one appeal: a short-lived context and transaction with the appeal's row locked, and the viewer's
/// access decided inside it. Endorsements take the lock shared (they run side by side) and status changes exclusive,
/// so an appeal closing and an endorsement arriving can't both win: once closed, nothing more is counted.
/// </summary>
internal sealed class AppealWork(AppDbContext db, AppealAccess access)
{
    public AppDbContext Db { get; } = db;

    public AppealAccess Access { get; } = access;

    public Appeal Appeal => Access.Appeal;

    /// <summary>Whether committing changes the confirmed endorsements, so the live counters must be told.</summary>
    public bool CountsChanged { get; set; }

    public static async Task<GroupOutcome> RunAsync(
        IDbContextFactory<AppDbContext> contexts,
        string slug,
        AppealViewer viewer,
        bool exclusive,
        AppealLive live,
        ILogger logger,
        string duplicateMessage,
        CancellationToken cancellationToken,
        Func<AppealWork, Task<string>> change)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var appealId = await (exclusive
                    ? db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM appeals WHERE slug = {slug} FOR UPDATE")
                    : db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM appeals WHERE slug = {slug} FOR SHARE"))
                .ToListAsync(cancellationToken);
            if (appealId.Count == 0 || await AppealAccessLoader.LoadAsync(db, appealId[0], viewer, cancellationToken) is not { CanSee: true } access)
            {
                return GroupOutcome.NotFound;
            }

            var work = new AppealWork(db, access);
            var message = await change(work);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (work.CountsChanged)
            {
                await live.PublishAsync(access.Appeal.Id, cancellationToken);
            }

            return GroupOutcome.Done(message);
        }
        catch (AppealRuleException refused)
        {
            return GroupOutcome.Refused(refused.Message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return GroupOutcome.Refused(duplicateMessage);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "A change to appeal {Slug} failed", slug);
            return GroupOutcome.Refused("The change could not be saved, so nothing was changed. Please try again.");
        }
    }
}
