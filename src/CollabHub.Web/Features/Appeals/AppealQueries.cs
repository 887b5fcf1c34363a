using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

/// <summary>The read side: lists, the appeal page, counts, the moderators' queue. Counts always come from confirmed rows.</summary>
public sealed class AppealQueries(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>Open and closed appeals the viewer may see (drafts too for those who manage them), newest first.</summary>
    public async Task<IReadOnlyList<AppealSummary>> ListAsync(AppealViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var readable = db.Groups.ReadableBy(db, viewer.Group).Select(g => g.Id);
        var moderated = db.GroupMemberships.Where(m => m.UserId == viewer.UserId && m.Role >= GroupRole.Moderator).Select(m => m.GroupId);
        var isAdmin = viewer.Group.IsAdministrator;
        var siteModerator = viewer.IsSiteModerator;
        var rows = await db.Appeals.AsNoTracking()
            .Where(a => a.GroupId == null ? (a.Status != AppealStatus.Draft || siteModerator) : readable.Contains(a.GroupId.Value)
                && (a.Status != AppealStatus.Draft || isAdmin || moderated.Contains(a.GroupId.Value)))
            .OrderBy(a => a.Status == AppealStatus.Closed).ThenByDescending(a => a.StartsOn).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Id, a.Slug, a.Title, a.IssuedBy, a.Status, a.StartsOn, a.EndsOn,
                GroupName = db.Groups.Where(g => g.Id == a.GroupId).Select(g => g.Name).FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(cancellationToken);
        var counts = await CountsAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(r => new AppealSummary(r.Slug, r.Title, r.IssuedBy, r.Status, r.StartsOn, r.EndsOn, r.GroupName, counts.GetValueOrDefault(r.Id, AppealCounts.None))).ToList();
    }

    /// <summary>The access alone (for pages that decide 404 before anything else), or null when the viewer may not see it.</summary>
    public async Task<AppealAccess?> FindAsync(AppealViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        return appeal is null ? null : await AppealAccessLoader.ForAsync(db, appeal, viewer, cancellationToken) is { CanSee: true } access ? access : null;
    }

    public async Task<AppealView?> GetAsync(AppealViewer viewer, string slug, RollFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (appeal is null || await AppealAccessLoader.ForAsync(db, appeal, viewer, cancellationToken) is not { CanSee: true } access)
        {
            return null;
        }

        var counts = (await CountsAsync(db, [appeal.Id], cancellationToken)).GetValueOrDefault(appeal.Id, AppealCounts.None);
        var roll = Roll(db, appeal.Id, filter);
        var total = await roll.CountAsync(cancellationToken);
        var page = Paging.Within(filter.Page, total, RollFilter.PageSize);
        var entries = await Entries(db, roll.OrderByDescending(e => e.Capacity).ThenBy(e => e.Name).ThenBy(e => e.ConfirmedAt)
            .Skip((page - 1) * RollFilter.PageSize).Take(RollFilter.PageSize)).ToListAsync(cancellationToken);
        var endorses = viewer.UserId is { } userId && await db.AppealEndorsements.AnyAsync(
            e => e.AppealId == appeal.Id && e.Capacity == EndorsementCapacity.Individual && e.UserId == userId, cancellationToken);
        return new AppealView(access, access.Group?.Group.Name, access.Group?.Group.Slug, counts, entries, total, page, endorses,
            appeal.TakesEndorsements(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>The current counts of one appeal, for the live counter (which was already allowed to show them).</summary>
    public async Task<AppealCounts> CountsAsync(Guid appealId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await CountsAsync(db, [appealId], cancellationToken)).GetValueOrDefault(appealId, AppealCounts.None);
    }

    /// <summary>The moderators' view (queue oldest first, States by name); null when the viewer may not manage the appeal.</summary>
    public async Task<AppealManageView?> ManageAsync(AppealViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (appeal is null || await AppealAccessLoader.ForAsync(db, appeal, viewer, cancellationToken) is not { CanSee: true, CanManage: true } access)
        {
            return null;
        }

        var states = await db.AppealEndorsements.AsNoTracking()
            .Where(e => e.AppealId == appeal.Id && e.Capacity == EndorsementCapacity.MemberState)
            .OrderBy(e => e.Name)
            .Select(e => new RecordedState(e.CountryCode!, e.Name, e.Reference!))
            .ToListAsync(cancellationToken);
        var queue = await db.AppealEndorsements.AsNoTracking()
            .Where(e => e.AppealId == appeal.Id && e.Capacity == EndorsementCapacity.Organisation && e.Status == EndorsementStatus.Pending)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new PendingOrganisation(e.Id, e.Name, e.OrganisationType!.Value, e.CountryCode!,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", e.CreatedAt))
            .ToListAsync(cancellationToken);
        return new AppealManageView(access, queue, states);
    }

    /// <summary>
    /// Confirmed endorsements for the roll: States, organisations, and individuals who chose to be listed, members by
    /// their current display name. Unlisted individuals and pending rows never get here.
    /// </summary>
    internal static IQueryable<Endorsement> Roll(AppDbContext db, Guid appealId, RollFilter filter)
    {
        var rows = db.AppealEndorsements.AsNoTracking()
            .Where(e => e.AppealId == appealId && e.Status == EndorsementStatus.Confirmed && (e.Capacity != EndorsementCapacity.Individual || e.Listed));
        if (filter.Capacity is { } capacity)
        {
            rows = rows.Where(e => e.Capacity == capacity);
        }

        if (filter.Type is { } type)
        {
            rows = rows.Where(e => e.OrganisationType == type);
        }

        if (filter.Region is { } region)
        {
            var codes = MemberStates.All.Where(s => s.Region == region).Select(s => s.Alpha2).ToList();
            rows = rows.Where(e => e.CountryCode != null && codes.Contains(e.CountryCode));
        }

        return rows;
    }

    private static IQueryable<RollEntry> Entries(AppDbContext db, IQueryable<Endorsement> rows) =>
        rows.Select(e => new RollEntry(
            e.Capacity,
            e.UserId != null && e.Capacity == EndorsementCapacity.Individual
                ? db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? ""
                : e.Name,
            e.OrganisationType,
            e.CountryCode,
            e.ConfirmedAt ?? e.CreatedAt));

    internal static async Task<Dictionary<Guid, AppealCounts>> CountsAsync(AppDbContext db, List<Guid> appealIds, CancellationToken cancellationToken)
    {
        var rows = await db.AppealEndorsements
            .Where(e => appealIds.Contains(e.AppealId) && e.Status == EndorsementStatus.Confirmed)
            .GroupBy(e => new { e.AppealId, e.Capacity })
            .Select(g => new { g.Key.AppealId, g.Key.Capacity, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AppealId).ToDictionary(g => g.Key, g => new AppealCounts(
            g.Where(r => r.Capacity == EndorsementCapacity.MemberState).Sum(r => r.Count),
            g.Where(r => r.Capacity == EndorsementCapacity.Organisation).Sum(r => r.Count),
            g.Where(r => r.Capacity == EndorsementCapacity.Individual).Sum(r => r.Count)));
    }
}
