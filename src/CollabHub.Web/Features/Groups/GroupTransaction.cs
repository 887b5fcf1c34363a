using System.Linq.Expressions;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// One change in one group: a short-lived context and transaction, the group's row locked until commit, and the
/// acting viewer's access decided inside it. The lock queues every membership change in the group, so member counts
/// stay exact and two owners leaving at once can't leave the group without one.
/// </summary>
internal sealed class GroupTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private readonly List<object> afterCommit = [];

    private GroupTransaction(AppDbContext db, IDbContextTransaction transaction, GroupAccess access)
    {
        Db = db;
        this.transaction = transaction;
        Access = access;
    }

    public AppDbContext Db { get; }

    public GroupAccess Access { get; }

    public Group Group => Access.Group;

    /// <summary>The acting member's id; only signed-in viewers get a transaction.</summary>
    public string UserId => Access.Viewer.UserId!;

    /// <summary>Null when there is no such group, or the viewer may not know of it (their page answers 404).</summary>
    public static Task<GroupTransaction?> BeginAsync(
        IDbContextFactory<AppDbContext> contexts, string slug, GroupViewer viewer, CancellationToken cancellationToken) =>
        BeginAsync(contexts, $"SELECT 1 FROM groups WHERE slug = {slug} FOR UPDATE", g => g.Slug == slug, viewer, requireVisible: true, cancellationToken);

    /// <summary>For the holder of an invitation, who may act on a group they could not otherwise see.</summary>
    public static Task<GroupTransaction?> BeginForInvitationAsync(
        IDbContextFactory<AppDbContext> contexts, Guid groupId, GroupViewer viewer, CancellationToken cancellationToken) =>
        BeginAsync(contexts, $"SELECT 1 FROM groups WHERE id = {groupId} FOR UPDATE", g => g.Id == groupId, viewer, requireVisible: false, cancellationToken);

    private static async Task<GroupTransaction?> BeginAsync(
        IDbContextFactory<AppDbContext> contexts,
        FormattableString lockGroup,
        Expression<Func<Group, bool>> match,
        GroupViewer viewer,
        bool requireVisible,
        CancellationToken cancellationToken)
    {
        if (!viewer.IsSignedIn)
        {
            throw new UnauthorizedAccessException("Only signed-in members can act in groups.");
        }

        var db = await contexts.CreateDbContextAsync(cancellationToken);
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync(lockGroup, cancellationToken);
            var confirmed = await ConfirmedViewerAsync(db, viewer, cancellationToken);
            var access = confirmed is null ? null : await GroupAccessService.LoadEvenIfUnseenAsync(db, match, confirmed, cancellationToken);
            if (access is null || (requireVisible && !access.CanSee))
            {
                await transaction.DisposeAsync();
                await db.DisposeAsync();
                return null;
            }

            return new GroupTransaction(db, transaction, access);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> and commits, or reports why not: a rule's refusal or a failed save rolls
    /// everything back and becomes one sentence for the member.
    /// </summary>
    public static async Task<GroupOutcome> RunAsync(
        IDbContextFactory<AppDbContext> contexts,
        string slug,
        GroupViewer viewer,
        ILiveEvents live,
        ILogger logger,
        CancellationToken cancellationToken,
        Func<GroupTransaction, Task<string>> change)
    {
        try
        {
            await using var tx = await BeginAsync(contexts, slug, viewer, cancellationToken);
            if (tx is null)
            {
                return GroupOutcome.NotFound;
            }

            var message = await change(tx);
            await tx.CommitAsync(cancellationToken);
            foreach (var published in tx.afterCommit)
            {
                await live.PublishAsync(LiveTopics.Group(tx.Group.Id), published, cancellationToken);
            }

            return GroupOutcome.Done(message);
        }
        catch (GroupRuleException refused)
        {
            return GroupOutcome.Refused(refused.Message);
        }
        catch (DbUpdateException ex)
        {
            logger.LogError(ex, "A change in group {Slug} failed", slug);
            return GroupOutcome.Refused("The change could not be saved, so nothing was changed. Please try again.");
        }
    }

    /// <summary>Who the viewer is by the database, not the cookie: a suspended account acts as nobody, and a demoted administrator as a member.</summary>
    private static async Task<GroupViewer?> ConfirmedViewerAsync(AppDbContext db, GroupViewer viewer, CancellationToken cancellationToken)
    {
        var user = await db.Users
            .Where(u => u.Id == viewer.UserId && u.EmailConfirmed && u.SuspendedAt == null)
            .Select(u => new
            {
                u.Id,
                IsAdministrator = db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Administrator)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : new GroupViewer(user.Id, user.IsAdministrator);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Tells the group's live parts (chat, open pages) once the change has committed, never before: a rolled-back
    /// removal must not disconnect anyone.
    /// </summary>
    public void PublishAfterCommit(object message) => afterCommit.Add(message);

    /// <summary>Owners now, counted under the group's lock.</summary>
    public Task<int> CountOwnersAsync(CancellationToken cancellationToken) =>
        Db.GroupMemberships.CountAsync(m => m.GroupId == Group.Id && m.Role == GroupRole.Owner, cancellationToken);

    public Task<GroupMembership?> FindMembershipAsync(string userId, CancellationToken cancellationToken) =>
        Db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == Group.Id && m.UserId == userId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Rolls back when CommitAsync was not reached.
        await transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
