using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// One change by one member: who acts, when, and a short-lived context inside a transaction that rolls back unless
/// <see cref="CommitAsync"/> is reached, so a refusal anywhere leaves nothing behind.
/// </summary>
internal sealed class DiscussionWork : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;

    private DiscussionWork(AppDbContext db, IDbContextTransaction transaction, GroupViewer viewer, string userId, DateTimeOffset now)
    {
        Db = db;
        this.transaction = transaction;
        Viewer = viewer;
        UserId = userId;
        Now = now;
    }

    public AppDbContext Db { get; }

    public GroupViewer Viewer { get; }

    public string UserId { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Refuses anyone not signed in before any database work, with the same sentence as for content they may not see.</summary>
    public static async Task<DiscussionWork> BeginAsync(
        IDbContextFactory<AppDbContext> contexts, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var viewer = GroupViewer.From(user);
        var userId = viewer.UserId ?? throw DiscussionException.NotAvailable();
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new DiscussionWork(db, transaction, viewer, userId, clock.GetUtcNow());
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
