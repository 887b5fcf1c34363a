using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Appeals;

/// <summary>A member's endorsements, and the organisations' endorsements they submitted, for their data download.</summary>
public sealed class AppealPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "appealEndorsements";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var endorsements = await (
                from e in db.AppealEndorsements.AsNoTracking()
                join a in db.Appeals on e.AppealId equals a.Id
                where e.UserId == userId
                orderby e.CreatedAt
                select new
                {
                    appeal = a.Title,
                    capacity = e.Capacity.ToString(),
                    organisation = e.Capacity == EndorsementCapacity.Organisation ? e.Name : null,
                    country = e.CountryCode,
                    listedOnTheRoll = e.Listed,
                    status = e.Status.ToString(),
                    endorsedAt = e.CreatedAt,
                })
            .ToListAsync(cancellationToken);
        return endorsements.Count == 0 ? null : endorsements;
    }
}
