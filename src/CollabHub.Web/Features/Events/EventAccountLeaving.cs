using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// A deleted account cancels its registrations for events still to come, as the member would: a freed seat goes to the
/// first person waiting, who is told, and the counts stay true. Registrations for events already under way or past
/// stay as they were until the account row takes them with it (the start has passed, so nobody can take the seat).
/// </summary>
public sealed class EventAccountLeaving(IDbContextFactory<AppDbContext> contexts, EventRegistrationService registrations, TimeProvider clock) : IAccountLeaving
{
    public Task<string?> BlockerAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<string?> LeaveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<string> slugs;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            slugs = await db.EventRegistrations
                .Where(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled)
                .Join(db.Events.Where(e => e.StartsAt > now), r => r.EventId, e => e.Id, (_, e) => e.Slug)
                .ToListAsync(cancellationToken);
        }

        var viewer = new EventViewer(userId, false, false);
        foreach (var slug in slugs)
        {
            var outcome = await registrations.CancelAsync(viewer, slug, cancellationToken);
            if (outcome.Kind == EventOutcomeKind.Refused)
            {
                return outcome.Message;
            }
        }

        return null;
    }
}
