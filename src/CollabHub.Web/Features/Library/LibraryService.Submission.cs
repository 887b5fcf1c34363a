using System.Security.Claims;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

public sealed partial class LibraryService
{
    /// <summary>
    /// A member submits a resource (site-wide, or to a group they belong to). It is pending until a curator decides;
    /// the curators are told. Bad input answers with reasons by field and changes nothing, files included.
    /// </summary>
    public async Task<ResourceSaveResult> SubmitAsync(ClaimsPrincipal user, ResourceForm form, IReadOnlyList<UploadedFile> uploads, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        if (viewer.UserId is not { } userId)
        {
            return ResourceSaveResult.Failed("", "Sign in to submit a resource.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        GroupAccess? group = null;
        if (!string.IsNullOrWhiteSpace(form.Group))
        {
            group = await GroupAccessService.LoadAsync(db, g => g.Slug == form.Group, viewer.AsGroupViewer, cancellationToken);
            if (group is not { CanParticipate: true })
            {
                return ResourceSaveResult.Failed(nameof(ResourceForm.Group), "Only members of a group can add resources to it.");
            }
        }

        var details = ResourceDetailsValidator.Validate(form, Today(), uploads.Count > 0, out var errors);
        if (details is null)
        {
            return new ResourceSaveResult(null, errors);
        }

        var now = Now;
        var id = Guid.CreateVersion7(now);
        var resource = Resource.Submit(id, SlugFor(details.Title, id), details, group?.Group.Id, userId, now);
        return await SaveWithFilesAsync(db, resource, uploads, isNew: true, cancellationToken, async () =>
        {
            foreach (var curator in await CuratorsOfAsync(db, group, cancellationToken))
            {
                notifier.Add(db, new NotificationRequest(
                    curator, NotificationKind.ResourceSubmitted, userId, SubjectOf(resource), "/library/review", resource.Title, resource.Summary, resource.GroupId));
            }
        });
    }

    /// <summary>
    /// Saves changes from the edit form. The submitter's edit after a request for changes resubmits the resource;
    /// an edit from a page that showed an older version is refused (two moderators at once).
    /// </summary>
    public async Task<ResourceSaveResult> EditAsync(ClaimsPrincipal user, string key, ResourceForm form, IReadOnlyList<UploadedFile> uploads, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await LoadAsync(db, ByKey(key), viewer, cancellationToken, withFiles: true);
        if (access is not { CanEdit: true })
        {
            return ResourceSaveResult.Failed("", "This resource cannot be edited by you.");
        }

        var resource = access.Resource;
        var details = ResourceDetailsValidator.Validate(form, Today(), uploads.Count > 0 || resource.Files.Count > 0, out var errors);
        if (details is null)
        {
            return new ResourceSaveResult(null, errors);
        }

        if (resource.Files.Count + uploads.Count > options.Value.MaxFilesPerResource)
        {
            return ResourceSaveResult.Failed(ResourceForm.FilesField, $"A resource can have at most {options.Value.MaxFilesPerResource} files.");
        }

        var wasChangesRequested = resource.Status == ResourceStatus.ChangesRequested;
        try
        {
            resource.EnsureVersion(form.Version);
            resource.Edit(details, viewer.UserId!, access.CanCurate && !(access.IsSubmitter && wasChangesRequested), Now);
        }
        catch (LibraryRuleException refused)
        {
            return ResourceSaveResult.Failed("", refused.Message);
        }

        return await SaveWithFilesAsync(db, resource, uploads, isNew: false, cancellationToken, async () =>
        {
            if (wasChangesRequested && resource.Status == ResourceStatus.Pending)
            {
                foreach (var curator in await CuratorsOfAsync(db, access.Group, cancellationToken))
                {
                    notifier.Add(db, new NotificationRequest(
                        curator, NotificationKind.ResourceSubmitted, viewer.UserId, SubjectOf(resource), "/library/review", resource.Title, resource.Summary, resource.GroupId));
                }
            }
        });
    }

    /// <summary>
    /// Stores the uploads (re-using identical content already stored), saves the resource and re-indexes it in one
    /// transaction. Files moved into place are deleted again if anything fails; temporary copies always are.
    /// </summary>
    private async Task<ResourceSaveResult> SaveWithFilesAsync(
        AppDbContext db, Resource resource, IReadOnlyList<UploadedFile> uploads, bool isNew, CancellationToken cancellationToken, Func<Task> stageNotifications)
    {
        if (uploads.Count > options.Value.MaxFilesPerResource)
        {
            return ResourceSaveResult.Failed(ResourceForm.FilesField, $"A resource can have at most {options.Value.MaxFilesPerResource} files.");
        }

        var prepared = new List<PreparedUpload>();
        var kept = new List<string>();
        try
        {
            foreach (var upload in uploads)
            {
                await using var stream = upload.Open();
                prepared.Add(await files.PrepareAsync(stream, upload.FileName, cancellationToken));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (isNew)
            {
                db.LibraryResources.Add(resource);
            }

            var now = Now;
            var newFiles = false;
            foreach (var upload in prepared.DistinctBy(p => p.Sha256))
            {
                var stored = await db.LibraryStoredFiles.SingleOrDefaultAsync(f => f.Sha256 == upload.Sha256, cancellationToken);
                if (stored is null)
                {
                    stored = new StoredFile
                    {
                        Id = Guid.CreateVersion7(now),
                        Sha256 = upload.Sha256,
                        Size = upload.Size,
                        Kind = upload.Kind,
                        ContentType = upload.ContentType,
                        StorageName = LibraryFileStore.NewStorageName(upload.Sha256),
                        Extraction = upload.Kind is FileKind.Png or FileKind.Jpeg or FileKind.Webp ? ExtractionStatus.NotApplicable : ExtractionStatus.Pending,
                        CreatedAt = now,
                    };
                    db.LibraryStoredFiles.Add(stored);
                    kept.Add(files.Keep(upload, stored.StorageName));
                    newFiles = true;
                }

                if (resource.Files.All(f => f.StoredFileId != stored.Id))
                {
                    var attached = new ResourceFile { Id = Guid.CreateVersion7(now), ResourceId = resource.Id, StoredFileId = stored.Id, FileName = upload.FileName, AddedAt = now };
                    resource.Files.Add(attached);
                    if (!isNew)
                    {
                        db.LibraryResourceFiles.Add(attached);
                    }
                }
            }

            await stageNotifications();
            await db.SaveChangesAsync(cancellationToken);
            await RefreshSearchAsync(db, [resource.Id], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            kept.Clear();
            if (newFiles)
            {
                extraction.Raise();
            }

            return ResourceSaveResult.Saved(resource.Slug);
        }
        catch (LibraryRuleException refused)
        {
            return ResourceSaveResult.Failed(ResourceForm.FilesField, refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ResourceSaveResult.Failed("", "Someone else changed this resource while you were editing it. Open it again to see their changes.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            logger.LogInformation(ex, "A library save lost a race on a unique key.");
            return ResourceSaveResult.Failed("", "The same file was being uploaded by someone else at this moment. Please submit again.");
        }
        finally
        {
            kept.ForEach(LibraryFileStore.Discard);
            foreach (var upload in prepared.Where(p => File.Exists(p.TempPath)))
            {
                LibraryFileStore.Discard(upload.TempPath);
            }
        }
    }

    /// <summary>Who reviews submissions in a scope: the group's moderators and owners, or the site moderators.</summary>
    private static async Task<List<string>> CuratorsOfAsync(AppDbContext db, GroupAccess? group, CancellationToken cancellationToken)
    {
        if (group is not null)
        {
            var groupId = group.Group.Id;
            return await db.GroupMemberships.Where(m => m.GroupId == groupId && m.Role >= GroupRole.Moderator).Select(m => m.UserId).ToListAsync(cancellationToken);
        }

        return await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Moderator)).Select(ur => ur.UserId).ToListAsync(cancellationToken);
    }

    internal static string SubjectOf(Resource resource) => $"resource:{resource.Id}";

    private static string SlugFor(string title, Guid id)
    {
        var words = GroupSlugs.Suggest(title);
        if (words.Length > Resource.SlugMaxLength - 9)
        {
            words = words[..(Resource.SlugMaxLength - 9)].TrimEnd('-');
        }

        return $"{words}-{id.ToString("N")[^8..]}";
    }

    /// <summary>Today where it is already tomorrow (UTC+14), so a date that is today anywhere is never "in the future".</summary>
    private DateOnly Today() => DateOnly.FromDateTime(Now.UtcDateTime.AddHours(14));
}
