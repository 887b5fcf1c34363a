using System.Security.Claims;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Components.Layout;

/// <summary>
/// The header's counts for one server-rendered page, read in one statement and shared by the parts that show them
/// (the bell, the messages badge and, as its <see cref="IPendingReviewCount"/>, the review link), with the member's time
/// zone for the page's dated parts (the home page's events read it in a statement of their own before: 8 → 7 per page).
/// Each count keeps its feature's own rule (notifications the member may still read, chat only for a valid account,
/// reviews only where they moderate); they were four statements on every signed-in page, as many as the library list
/// itself needs (measured with Npgsql's command activities: library list 5 → 2, member directory 6 → 3). Scoped, so it
/// lives for one request; interactive parts that stay open (a circuit) count through their own services and live
/// events instead, never through this.
/// </summary>
public sealed class ShellCountsService(IDbContextFactory<AppDbContext> contexts) : IPendingReviewCount
{
    private readonly Lock gate = new();
    private ClaimsPrincipal? user;
    private Task<ShellCounts>? counts;

    /// <summary>The counts for <paramref name="principal"/>, read once per request however many parts ask.</summary>
    public Task<ShellCounts> ForAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        lock (gate)
        {
            if (counts is null || !ReferenceEquals(user, principal))
            {
                user = principal;
                counts = ReadAsync(principal);
            }

            return counts;
        }
    }

    public async Task<int> PendingReviewCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await ForAsync(user)).PendingReviews;

    /// <summary>
    /// The three counts in one compiled statement: EF walked and hashed this query's expression tree on every signed-in
    /// page (about a quarter of the signed-in library page in a CPU profile); compiled, it does so once. Each count is its
    /// feature's own rule, inlined (<see cref="QueryRule"/>), over the viewer's values as parameters.
    /// </summary>
    private static readonly Func<AppDbContext, string, string?, bool, bool, Task<ShellCounts?>> CountsQuery =
        EF.CompileAsyncQuery(QueryRule.Inline<Func<AppDbContext, string, string?, bool, bool, ShellCounts?>>(
            (db, userId, stamp, isAdministrator, curatesSite) => db.Users
                .Where(u => u.Id == userId)
                .Select(u => new ShellCounts(
                    db.Notifications
                        .Where(n => n.ReadAt == null && NotificationQueries.Visible.Apply(db, n, userId, isAdministrator))
                        .Select(n => new NotificationUnreadKey { Kind = n.Kind, Subject = n.Subject })
                        .Distinct()
                        .Count(),
                    ChatService.ValidAccount.Apply(u, userId, stamp) ? ChatService.DirectUnread.Apply(db, userId) : 0,
                    db.LibraryResources.Count(r => LibraryService.Reviewable.Apply(db, r, userId, isAdministrator, curatesSite)),
                    db.MemberProfiles.Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefault()))
                .FirstOrDefault()));

    private async Task<ShellCounts> ReadAsync(ClaimsPrincipal principal)
    {
        var viewer = LibraryViewer.From(principal);
        if (viewer.UserId is not { } userId)
        {
            return ShellCounts.None;
        }

        await using var db = await contexts.CreateDbContextAsync();
        return await CountsQuery(db, userId, ChatCaller.From(principal).SecurityStamp, viewer.IsAdministrator, viewer.CuratesSiteLibrary)
            ?? ShellCounts.None;
    }
}
