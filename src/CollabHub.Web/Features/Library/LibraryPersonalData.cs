using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Library;

/// <summary>The resources a member submitted, for their data download.</summary>
public sealed class LibraryPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "library";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var submitted = await db.LibraryResources.AsNoTracking()
            .Where(r => r.SubmitterId == userId)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new { title = r.Title, address = r.Slug, status = r.Status.ToString(), submittedAt = r.SubmittedAt, summary = r.Summary, link = r.LinkUrl })
            .ToListAsync(cancellationToken);
        return submitted.Count == 0 ? null : submitted;
    }
}
