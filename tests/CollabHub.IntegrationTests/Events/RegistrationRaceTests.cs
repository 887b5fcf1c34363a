using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;

namespace CollabHub.IntegrationTests.Events;

/// <summary>The seat decision under load on a real PostgreSQL: no overbooking, first come first served, one promotion per freed seat.</summary>
/// <remarks>
/// The 200 requests start at once; the app's pool is capped at 20 connections (as a production pool would be) so the
/// test leaves the shared test server room for the other classes running beside it. Twenty transactions at a time
/// still queue on the same row lock, which is what is under test.
/// </remarks>
public sealed class RegistrationRaceTests(PostgresServer postgres) : IAsyncLifetime
{
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync() =>
        app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(RegistrationRaceTests)) + ";Maximum Pool Size=20;Timeout=60");

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private const int Seats = 50;
    private const int People = 200;
    private const int Leaving = 30;

    [Fact]
    public async Task Register_200ConcurrentFor50Seats_Exactly50ConfirmedAndTheRestWaitInArrivalOrder()
    {
        for (var round = 0; round < 3; round++)
        {
            await RunRoundAsync();
        }
    }

    private async Task RunRoundAsync()
    {
        var ev = await TestEvents.CreateAsync(app, Seats);
        var people = await TestEvents.MembersAsync(app, People);
        var service = TestEvents.Registrations(app);

        var outcomes = await Task.WhenAll(people.Select(p => Task.Run(() => service.RegisterAsync(TestEvents.Viewer(p), ev.Slug))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        Assert.Equal(Seats, outcomes.Count(o => o.Message.StartsWith("You're registered", StringComparison.Ordinal)));
        var registrations = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(People, registrations.Count);
        Assert.Equal(Enumerable.Range(1, People).Select(i => (long)i), registrations.Select(r => r.Ticket));
        // Arrival order is the ticket order: the first fifty to arrive hold the seats, the rest queue behind them.
        Assert.All(registrations.Take(Seats), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.All(registrations.Skip(Seats), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));
        var waitingMessages = outcomes.Where(o => o.Message.Contains("waitlist", StringComparison.Ordinal)).Select(o => o.Message).ToHashSet();
        Assert.Equal(People - Seats, waitingMessages.Count);
        var reloaded = await TestEvents.ReloadAsync(app, ev);
        Assert.Equal((Seats, People - Seats), (reloaded.ConfirmedCount, reloaded.WaitlistCount));

        var leavers = registrations.Take(Seats).OrderBy(_ => Random.Shared.Next()).Take(Leaving).ToList();
        var byId = people.ToDictionary(p => p.Id);
        var cancelled = await Task.WhenAll(leavers.Select(r => Task.Run(() => service.CancelAsync(TestEvents.Viewer(byId[r.UserId]), ev.Slug))));

        Assert.All(cancelled, o => Assert.True(o.Succeeded, o.Message));
        var after = await TestEvents.RegistrationsOfAsync(app, ev);
        var promoted = after.Where(r => r.Status == RegistrationStatus.Confirmed && r.Ticket > Seats).Select(r => r.Ticket).Order();
        Assert.Equal(Enumerable.Range(Seats + 1, Leaving).Select(i => (long)i), promoted);
        Assert.Equal(Seats, after.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(People - Seats - Leaving, after.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(Leaving, after.Count(r => r.Status == RegistrationStatus.Cancelled));
        reloaded = await TestEvents.ReloadAsync(app, ev);
        Assert.Equal((Seats, People - Seats - Leaving), (reloaded.ConfirmedCount, reloaded.WaitlistCount));
        foreach (var registration in after.Where(r => r.Ticket is > Seats and <= Seats + Leaving))
        {
            Assert.Single(await TestEvents.MailSubjectsAsync(app, byId[registration.UserId]), s => s.StartsWith("A seat freed up", StringComparison.Ordinal));
        }
    }
}
