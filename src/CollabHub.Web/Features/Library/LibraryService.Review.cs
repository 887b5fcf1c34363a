using System.Linq.Expressions;
using System.Security.Claims;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

public sealed partial class LibraryService
{
    /// <summary>
    /// A curator's decision. <paramref name="seenVersion"/> is the version the curator's page showed: when another
    /// curator acted since, the decision is refused instead of overwriting theirs. The submitter is notified of
    /// approvals, requests for changes and rejections in the same transaction.
    /// </summary>
    public async Task<LibraryOutcome> DecideAsync(
        ClaimsPrincipal user, Guid resourceId, ResourceDecision decision, string? note, int seenVersion, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await LoadAsync(db, r => r.Id == resourceId, viewer, cancellationToken);
        if (access is null)
        {
            return LibraryOutcome.Missing;
        }

        if (!access.CanCurate)
        {
            return LibraryOutcome.Refused("Only the library's moderators can do that.");
        }

        var resource = access.Resource;
        var moderator = viewer.UserId!;
        var now = Now;
        string message;
        try
        {
            resource.EnsureVersion(seenVersion);
            (message, var kind) = Apply(resource, decision, moderator, note, now);
            if (kind is { } notify && resource.SubmitterId is { } submitter)
            {
                notifier.Add(db, new NotificationRequest(
                    submitter, notify, moderator, SubjectOf(resource), $"/library/{resource.Slug}", resource.Title, resource.ModeratorNote, resource.GroupId));
            }
        }
        catch (LibraryRuleException refused)
        {
            return LibraryOutcome.Refused(refused.Message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LibraryOutcome.Refused("Another moderator decided this resource at the same moment. Review the current version.");
        }

        return LibraryOutcome.Done(message);
    }

    private static (string Message, NotificationKind? Notify) Apply(Resource resource, ResourceDecision decision, string moderator, string? note, DateTimeOffset now)
    {
        switch (decision)
        {
            case ResourceDecision.Approve:
                resource.Approve(moderator, now);
                return ("Approved: the resource is published and its submitter is told.", NotificationKind.ResourceApproved);
            case ResourceDecision.RequestChanges:
                resource.RequestChanges(moderator, note, now);
                return ("Changes requested: the submitter is told what to change.", NotificationKind.ResourceChangesRequested);
            case ResourceDecision.Reject:
                resource.Reject(moderator, note, now);
                return ("Rejected: the submitter is told why.", NotificationKind.ResourceRejected);
            case ResourceDecision.Feature:
                resource.SetFeatured(true, moderator, now);
                return ("Featured: the resource leads the library's front page.", null);
            case ResourceDecision.Unfeature:
                resource.SetFeatured(false, moderator, now);
                return ("No longer featured.", null);
            case ResourceDecision.Archive:
                resource.Archive(moderator, note, now);
                return ("Archived: the resource is no longer listed or searchable.", null);
            case ResourceDecision.Restore:
                resource.Restore(moderator, now);
                return ("Restored: the resource is listed again.", null);
            default:
                throw new LibraryRuleException("Choose a decision.");
        }
    }

    /// <summary>
    /// Whether the viewer may decide a resource: pending, and an administrator, a site library curator for the site's
    /// own, or a moderator of its group; the same rule as <see cref="ResourceAccess.CanCurate"/>, over the viewer's
    /// values so a compiled query can pass them as parameters (through <see cref="QueryRule"/>).
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, Resource, string?, bool, bool, bool>> Reviewable =
        (db, r, userId, isAdministrator, curatesSite) => r.Status == ResourceStatus.Pending
            && (isAdministrator
                || (r.GroupId == null && curatesSite)
                || (r.GroupId != null && db.GroupMemberships.Any(m => m.GroupId == r.GroupId && m.UserId == userId && m.Role >= Groups.GroupRole.Moderator)));

    /// <summary>Pending resources the viewer may decide (<see cref="Reviewable"/>).</summary>
    internal static IQueryable<Resource> ReviewableBy(AppDbContext db, LibraryViewer viewer)
    {
        var userId = viewer.UserId;
        var isAdministrator = viewer.IsAdministrator;
        var site = viewer.CuratesSiteLibrary;
        return db.LibraryResources.Where(QueryRule.Inline<Func<Resource, bool>>(r => Reviewable.Apply(db, r, userId, isAdministrator, site)));
    }
}
