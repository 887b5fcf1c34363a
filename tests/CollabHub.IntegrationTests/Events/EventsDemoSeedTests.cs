using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Events;

/// <summary>The demo events lie ahead, the week is a programme of sessions, and every seat count matches its registrations.</summary>
public sealed class EventsDemoSeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task DemoSeed_AddsTheWeekTheMeetingAndTheSideEvent_AheadWithConsistentCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DemoSeededApp.CreateAsync(postgres, "eventseed");

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var week = await db.Events.SingleAsync(e => e.Title == "UN Behavioural Science Week", ct);
        Assert.True(week.IsSeries);
        Assert.True(week.StartsAt > DateTimeOffset.UtcNow);
        Assert.Equal(5, await db.Events.CountAsync(e => e.SeriesId == week.Id, ct));
        Assert.True(await db.Events.AnyAsync(e => e.Title.Contains("liquidity and debt"), ct));
        Assert.True(await db.Events.AnyAsync(e => e.Title.StartsWith("Human Rights Council side event"), ct));
        Assert.True(await db.Events.AnyAsync(e => e.WaitlistCount > 0, ct));
        foreach (var ev in await db.Events.ToListAsync(ct))
        {
            Assert.Equal(ev.ConfirmedCount, await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Confirmed, ct));
            Assert.Equal(ev.WaitlistCount, await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waitlisted, ct));
        }
    }
}
