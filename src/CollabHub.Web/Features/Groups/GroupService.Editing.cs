using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Admin.Settings;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Images;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CollabHub.Web.Features.Groups;

public sealed partial class GroupService
{
    /// <summary>Null when the viewer may start a group now, else why not (shown instead of the form).</summary>
    public async Task<string?> GetCreationRefusalAsync(GroupViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CreationRefusalAsync(db, viewer, cancellationToken);
    }

    /// <summary>
    /// Validates everything (fields, address, cover) before touching the database, then creates the group with its
    /// creator as owner, in one transaction. A taken address is refused with the next free one to try.
    /// </summary>
    public async Task<GroupSaveResult> CreateAsync(GroupViewer viewer, GroupForm form, Stream? coverUpload, CancellationToken cancellationToken = default)
    {
        var userId = viewer.UserId ?? throw new UnauthorizedAccessException("Only signed-in members can create groups.");
        var details = GroupDetailsValidator.Validate(form, out var fieldErrors);
        var errors = new Dictionary<string, string>(fieldErrors, StringComparer.Ordinal);
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? GroupSlugs.Suggest(form.Name) : form.Slug.Trim().ToLowerInvariant();
        if (GroupSlugs.Check(slug) is { } slugError)
        {
            errors[nameof(GroupForm.Slug)] = slugError;
        }

        var cover = await ProcessCoverAsync(coverUpload, errors, cancellationToken);
        if (details is null || errors.Count > 0)
        {
            return new GroupSaveResult(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await CreationRefusalAsync(db, viewer, cancellationToken) is { } refusal)
        {
            return GroupSaveResult.Refused(GroupSaveResult.FormField, refusal);
        }

        if (await db.Groups.AnyAsync(g => g.Slug == slug, cancellationToken))
        {
            return GroupSaveResult.Refused(nameof(GroupForm.Slug), await TakenMessageAsync(db, slug, cancellationToken));
        }

        var now = clock.GetUtcNow();
        var group = new Group { Slug = slug, CreatedById = userId, CreatedAt = now, LastActivityAt = now };
        group.Describe(details);
        group.SetAccess(form.Visibility, form.JoinPolicy);
        db.Groups.Add(group);
        db.GroupMemberships.Add(group.AddMember(userId, GroupRole.Owner, now));
        if (cover is not null)
        {
            StoreCover(db, group, null, cover, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone took the address between the check and the insert.
            await transaction.RollbackAsync(cancellationToken);
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return GroupSaveResult.Refused(nameof(GroupForm.Slug), await TakenMessageAsync(fresh, slug, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Group {Slug} created", slug);
        return GroupSaveResult.Saved(slug);
    }

    /// <summary>The settings form as stored; null unless the viewer moderates the group.</summary>
    public async Task<GroupForm?> GetFormAsync(GroupViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == slug, viewer, cancellationToken);
        if (access is null || !access.CanModerate)
        {
            return null;
        }

        var group = access.Group;
        return new GroupForm
        {
            Name = group.Name,
            Slug = group.Slug,
            Summary = group.Summary,
            Description = group.Description,
            Topics = string.Join(", ", group.Topics),
            Visibility = group.Visibility,
            JoinPolicy = group.JoinPolicy,
        };
    }

    /// <summary>
    /// Owners and moderators edit the description and cover; only owners change visibility and join policy. All of
    /// it saves in one transaction under the group's lock, or none of it on any error.
    /// </summary>
    public async Task<GroupSaveResult> UpdateAsync(GroupViewer viewer, string slug, GroupForm form, Stream? coverUpload, CancellationToken cancellationToken = default)
    {
        var details = GroupDetailsValidator.Validate(form, out var fieldErrors);
        var errors = new Dictionary<string, string>(fieldErrors, StringComparer.Ordinal);
        var cover = await ProcessCoverAsync(coverUpload, errors, cancellationToken);
        if (details is null || errors.Count > 0)
        {
            return new GroupSaveResult(errors);
        }

        await using var tx = await GroupTransaction.BeginAsync(contexts, slug, viewer, cancellationToken);
        if (tx is null)
        {
            return GroupSaveResult.NotFound;
        }

        var group = tx.Group;
        if (!tx.Access.CanModerate)
        {
            return GroupSaveResult.Refused(GroupSaveResult.FormField, "Only the group's owners and moderators can change its settings.");
        }

        var accessChanged = form.Visibility != group.Visibility || form.JoinPolicy != group.JoinPolicy;
        if (accessChanged && !tx.Access.CanChangeAccess)
        {
            return GroupSaveResult.Refused(nameof(GroupForm.Visibility), "Only the group's owners can change who can see and join it.");
        }

        var now = clock.GetUtcNow();
        if (accessChanged)
        {
            var actor = await tx.Db.Users.SingleAsync(u => u.Id == tx.UserId, cancellationToken);
            audit.Add(tx.Db, actor, AuditActions.GroupAccessChange, subject: null,
                $"{group.Name} (/{GroupLinks.Page(group.Slug)}): {group.Visibility}, {group.JoinPolicy} → {form.Visibility}, {form.JoinPolicy}");
            group.SetAccess(form.Visibility, form.JoinPolicy);
        }

        group.Describe(details);
        var stored = await tx.Db.GroupCovers.SingleOrDefaultAsync(c => c.GroupId == group.Id, cancellationToken);
        if (cover is not null)
        {
            StoreCover(tx.Db, group, stored, cover, now);
        }
        else if (form.RemoveCover && stored is not null)
        {
            tx.Db.GroupCovers.Remove(stored);
            group.CoverVersion = null;
        }

        await tx.CommitAsync(cancellationToken);
        if (accessChanged)
        {
            // Visitors' stored pages may list this group, its events and resources: a group hidden or made private
            // must vanish from them (or its content must) now, not when they expire.
            await publicPages.EvictByTagAsync(PublicPageCachePolicy.Tag, cancellationToken);
        }

        return GroupSaveResult.Saved(group.Slug);
    }

    /// <summary>Confirmed, in good standing, and (when the site says so) a site moderator or administrator, by the database.</summary>
    private static async Task<string?> CreationRefusalAsync(AppDbContext db, GroupViewer viewer, CancellationToken cancellationToken)
    {
        var userId = viewer.UserId;
        var user = await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.EmailConfirmed,
                u.SuspendedAt,
                IsModerator = db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == SiteRoles.Moderator || r.Name == SiteRoles.Administrator))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null || !user.EmailConfirmed || user.SuspendedAt is not null)
        {
            return "Only confirmed members in good standing can create groups.";
        }

        var policy = await SiteSettingsService.ReadGroupCreationAsync(db, cancellationToken);
        return policy == GroupCreationPolicy.ModeratorsOnly && !user.IsModerator
            ? "On this hub, only site moderators can create groups. Ask one of them to start the group for you."
            : null;
    }

    private static async Task<string> TakenMessageAsync(AppDbContext db, string slug, CancellationToken cancellationToken)
    {
        var prefix = slug + "-";
        var similar = await db.Groups.Where(g => g.Slug.StartsWith(prefix)).Select(g => g.Slug).ToListAsync(cancellationToken);
        return $"That address is taken: try {GroupSlugs.NextFree(slug, similar)}.";
    }

    private async Task<ProcessedImage?> ProcessCoverAsync(Stream? upload, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (upload is null)
        {
            return null;
        }

        try
        {
            return await covers.ProcessAsync(upload, cancellationToken);
        }
        catch (ImageRejectedException rejected)
        {
            errors[GroupSaveResult.CoverField] = rejected.Message;
            return null;
        }
    }

    private static void StoreCover(AppDbContext db, Group group, GroupCover? stored, ProcessedImage picture, DateTimeOffset now)
    {
        if (stored is null)
        {
            stored = new GroupCover { GroupId = group.Id };
            db.GroupCovers.Add(stored);
        }

        stored.Content = picture.Content;
        stored.ContentType = picture.ContentType;
        stored.Version = Guid.CreateVersion7(now);
        stored.UpdatedAt = now;
        group.CoverVersion = stored.Version;
    }
}
