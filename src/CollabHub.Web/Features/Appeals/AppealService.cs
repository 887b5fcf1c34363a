using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

/// <summary>Creating, editing, opening and closing appeals, and the moderators' work on endorsements.</summary>
public sealed partial class AppealService(
    IDbContextFactory<AppDbContext> contexts,
    AppealLive live,
    AuditLog audit,
    TimeProvider clock,
    ILogger<AppealService> logger)
{
    /// <summary>Words the feature's own routes use after <c>/appeals/</c>.</summary>
    private static readonly HashSet<string> ReservedSlugs = new(StringComparer.Ordinal) { "new", "confirm", "withdraw" };

    public const string ManagersOnlyMessage = "Only the appeal's moderators can do this.";

    /// <summary>Creates a draft; returns its slug, or the refusal.</summary>
    public async Task<(GroupOutcome Outcome, string? Slug)> CreateAsync(AppealViewer viewer, AppealForm form, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return (GroupOutcome.NotFound, null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Guid? groupId = null;
        if (!string.IsNullOrWhiteSpace(form.GroupSlug))
        {
            var group = await GroupAccessService.LoadAsync(db, g => g.Slug == form.GroupSlug, viewer.Group, cancellationToken);
            if (group is not { CanModerate: true })
            {
                return (GroupOutcome.Refused("Only the group's moderators can start an appeal for it."), null);
            }

            groupId = group.Group.Id;
        }
        else if (!viewer.IsSiteModerator)
        {
            return (GroupOutcome.Refused("Only site moderators can start a site appeal."), null);
        }

        if (Validate(form) is { } problem)
        {
            return (GroupOutcome.Refused(problem), null);
        }

        var appeal = new Appeal { GroupId = groupId, CreatedById = viewer.UserId, CreatedAt = clock.GetUtcNow() };
        Apply(appeal, form);
        appeal.Slug = await FreeSlugAsync(db, form.Title, cancellationToken);
        db.Appeals.Add(appeal);
        var actor = await db.Users.SingleAsync(u => u.Id == viewer.UserId, cancellationToken);
        audit.Add(db, actor, AuditActions.AppealCreate, null, appeal.Slug);
        await db.SaveChangesAsync(cancellationToken);
        return (GroupOutcome.Done("The appeal is saved as a draft. Open it when it is ready."), appeal.Slug);
    }

    public Task<GroupOutcome> UpdateAsync(AppealViewer viewer, string slug, AppealForm form, CancellationToken cancellationToken = default) =>
        ManageAsync(viewer, slug, cancellationToken, _ => Task.FromResult(Validate(form) is { } problem
            ? throw new AppealRuleException(problem)
            : "The appeal is saved."), form);

    public Task<GroupOutcome> OpenAsync(AppealViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        ManageAsync(viewer, slug, cancellationToken, work =>
        {
            work.Appeal.Open(clock.GetUtcNow());
            return AuditedAsync(work, viewer, AuditActions.AppealStatusChange, $"{slug}: opened", "The appeal is open for endorsements.");
        });

    public Task<GroupOutcome> CloseAsync(AppealViewer viewer, string slug, CancellationToken cancellationToken = default) =>
        ManageAsync(viewer, slug, cancellationToken, work =>
        {
            work.Appeal.Close(clock.GetUtcNow());
            work.CountsChanged = true;
            return AuditedAsync(work, viewer, AuditActions.AppealStatusChange, $"{slug}: closed", "The appeal is closed; its endorsements stay on record.");
        });

    /// <summary>Records what a manager did in the audit log, in the change's own transaction; returns <paramref name="message"/>.</summary>
    private async Task<string> AuditedAsync(AppealWork work, AppealViewer viewer, string action, string details, string message)
    {
        var actor = await work.Db.Users.SingleAsync(u => u.Id == viewer.UserId);
        audit.Add(work.Db, actor, action, null, details);
        return message;
    }

    /// <summary>The form for editing, or null when the viewer may not manage it.</summary>
    public async Task<AppealForm?> GetFormAsync(AppealViewer viewer, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (appeal is null || await AppealAccessLoader.ForAsync(db, appeal, viewer, cancellationToken) is not { CanSee: true, CanManage: true })
        {
            return null;
        }

        return new AppealForm
        {
            Title = appeal.Title,
            Call = appeal.Call,
            IssuedBy = appeal.IssuedBy,
            WhyItMatters = appeal.WhyItMatters,
            Commitment = appeal.Commitment,
            RelatedLinks = appeal.RelatedLinks,
            StartsOn = appeal.StartsOn,
            EndsOn = appeal.EndsOn,
            Goal = appeal.Goal,
        };
    }

    internal static string? Validate(AppealForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Title) || string.IsNullOrWhiteSpace(form.Call) || string.IsNullOrWhiteSpace(form.IssuedBy))
        {
            return "Enter a title, the call and who issued it.";
        }

        if (form.StartsOn is null)
        {
            return "Choose the start date.";
        }

        if (form.EndsOn is { } end && end < form.StartsOn)
        {
            return "The end date can't be before the start date.";
        }

        return form.Goal is <= 0 ? "The goal must be a whole number above zero." : null;
    }

    private static void Apply(Appeal appeal, AppealForm form)
    {
        appeal.Title = form.Title.Trim();
        appeal.Call = form.Call.Trim();
        appeal.IssuedBy = form.IssuedBy.Trim();
        appeal.WhyItMatters = form.WhyItMatters?.Trim() ?? "";
        appeal.Commitment = form.Commitment?.Trim() ?? "";
        appeal.RelatedLinks = form.RelatedLinks?.Trim() ?? "";
        appeal.StartsOn = form.StartsOn!.Value;
        appeal.EndsOn = form.EndsOn;
        appeal.Goal = form.Goal;
    }

    private static async Task<string> FreeSlugAsync(AppDbContext db, string title, CancellationToken cancellationToken)
    {
        var stem = GroupSlugs.Suggest(title);
        if (stem.Length == 0 || ReservedSlugs.Contains(stem))
        {
            stem = stem.Length == 0 ? "appeal" : stem + "-appeal";
        }

        stem = stem.Length > Appeal.SlugMaxLength - 6 ? stem[..(Appeal.SlugMaxLength - 6)].TrimEnd('-') : stem;
        var slug = stem;
        for (var n = 2; await db.Appeals.AnyAsync(a => a.Slug == slug, cancellationToken); n++)
        {
            slug = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        return slug;
    }

    /// <summary>A manager's change under the appeal's exclusive lock; <paramref name="form"/>, when given, is applied first.</summary>
    private Task<GroupOutcome> ManageAsync(
        AppealViewer viewer, string slug, CancellationToken cancellationToken, Func<AppealWork, Task<string>> change, AppealForm? form = null) =>
        AppealWork.RunAsync(contexts, slug, viewer, exclusive: true, live, logger, "That is already recorded.", cancellationToken, async work =>
        {
            if (!work.Access.CanManage)
            {
                throw new AppealRuleException(ManagersOnlyMessage);
            }

            var message = await change(work);
            if (form is not null)
            {
                Apply(work.Appeal, form);
            }

            return message;
        });
}
