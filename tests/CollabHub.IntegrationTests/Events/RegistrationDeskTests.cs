using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Events;

/// <summary>
/// People pressing the same event's buttons at the same moment are decided together under one lock (the
/// <see cref="RegistrationDesk"/>): each still gets their own, correct answer.
/// </summary>
public sealed class RegistrationDeskTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly CommandTextCounter inserts = new("INSERT INTO event_registrations");
    private readonly CommandTextCounter standings = new("FROM group_bans");
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync() =>
        app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(RegistrationDeskTests)) + ";Maximum Pool Size=20;Timeout=60")
        {
            TestServices = services => services.AddSingleton<IInterceptor>(inserts).AddSingleton<IInterceptor>(standings),
        };

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Register_ACrowdAtOnce_IsDecidedInFewerCommitsThanPeople_WithEveryoneAnswered()
    {
        var ev = await TestEvents.CreateAsync(app, 20);
        var people = await TestEvents.MembersAsync(app, 150);
        var service = TestEvents.Registrations(app);
        var commits = new List<int>();
        using var listener = AppMeasurements.Record(app, RegistrationDesk.BatchSizeInstrument, commits);

        var outcomes = await Task.WhenAll(people.Select(p => Task.Run(() => service.RegisterAsync(TestEvents.Viewer(p), ev.Slug))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        lock (commits)
        {
            Assert.Equal(150, commits.Sum());
            Assert.True(commits.Count < 150, $"{commits.Count} commits for 150 people: the crowd was decided one at a time");
        }

        var registrations = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), registrations.Select(r => r.Ticket));
        Assert.All(registrations.Take(20), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.All(registrations.Skip(20), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));

        // Cancellations together: each freed seat goes to the next person waiting, never twice to the same one.
        lock (commits)
        {
            commits.Clear();
        }

        var byId = people.ToDictionary(p => p.Id);
        var leaving = registrations.Take(20).OrderBy(_ => Random.Shared.Next()).Take(12).ToList();
        var cancelled = await Task.WhenAll(leaving.Select(r => Task.Run(() => service.CancelAsync(TestEvents.Viewer(byId[r.UserId]), ev.Slug))));

        Assert.All(cancelled, o => Assert.True(o.Succeeded, o.Message));
        lock (commits)
        {
            Assert.Equal(12, commits.Sum());
            Assert.True(commits.Count < 12, $"{commits.Count} commits for 12 cancellations: they were decided one at a time");
        }

        var after = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(Enumerable.Range(21, 12).Select(i => (long)i), after.Where(r => r.Status == RegistrationStatus.Confirmed && r.Ticket > 20).Select(r => r.Ticket));
        Assert.Equal((20, 150 - 20 - 12), ((await TestEvents.ReloadAsync(app, ev)).ConfirmedCount, (await TestEvents.ReloadAsync(app, ev)).WaitlistCount));
    }

    [Fact]
    public async Task Register_ACrowdAtOnce_IsSavedABatchAtATime_NotPersonByPerson()
    {
        var ev = await TestEvents.CreateAsync(app, 10);
        var people = await TestEvents.MembersAsync(app, 120);
        var service = TestEvents.Registrations(app);
        var before = inserts.Count;

        var outcomes = await Task.WhenAll(people.Select(p => Task.Run(() => service.RegisterAsync(TestEvents.Viewer(p), ev.Slug))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        var roundTrips = inserts.Count - before;
        Assert.True(roundTrips < people.Count / 4, $"{roundTrips} round trips inserted 120 registrations: each person was saved on their own");
        var registrations = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), registrations.Select(r => r.Ticket));
        Assert.Equal(10, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        var saved = await TestEvents.ReloadAsync(app, ev);
        Assert.Equal((10, 110, 120L), (saved.ConfirmedCount, saved.WaitlistCount, saved.LastTicket));
        foreach (var person in people)
        {
            // Every decision's mail commits with it, the batch's saves deferred or not.
            Assert.Single(await TestEvents.MailSubjectsAsync(app, person), s => s.StartsWith("You're registered", StringComparison.Ordinal) || s.StartsWith("On the waitlist", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Register_SamePersonTwiceAmongACrowd_OneRegistrationAndOneAlreadyRegistered()
    {
        var ev = await TestEvents.CreateAsync(app, 100);
        var people = await TestEvents.MembersAsync(app, 30);
        var service = TestEvents.Registrations(app);
        var twice = people[7];

        var presses = people.Append(twice).Select(p => Task.Run(() => service.RegisterAsync(TestEvents.Viewer(p), ev.Slug))).ToList();
        var outcomes = await Task.WhenAll(presses);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        Assert.Equal(1, outcomes.Count(o => o.Message == "You're already registered."));
        var registrations = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(30, registrations.Count);
        Assert.Single(registrations, r => r.UserId == twice.Id);
        Assert.Equal(30, (await TestEvents.ReloadAsync(app, ev)).ConfirmedCount);
        Assert.Single(await TestEvents.MailSubjectsAsync(app, twice), s => s.StartsWith("You're registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_OutsidersAmongAPrivateGroupsMembers_AreNotFound_WhileTheMembersGetSeatsAndTheWaitlist()
    {
        var members = await TestEvents.MembersAsync(app, 20, "Member");
        var outsiders = await TestEvents.MembersAsync(app, 4, "Outsider");
        var group = await TestGroups.CreateAsync(app, GroupVisibility.Private, "Nudge unit", [.. members.Select(m => (m, GroupRole.Member))]);
        var ev = await TestEvents.CreateAsync(app, 5, group.Id);
        var service = TestEvents.Registrations(app);

        var everyone = members.Concat(outsiders).OrderBy(_ => Random.Shared.Next()).ToList();
        var outcomes = await Task.WhenAll(everyone.Select(p => Task.Run(async () => (Person: p, Outcome: await service.RegisterAsync(TestEvents.Viewer(p), ev.Slug)))));

        Assert.All(outcomes.Where(o => outsiders.Contains(o.Person)), o => Assert.Equal(EventOutcomeKind.NotFound, o.Outcome.Kind));
        Assert.All(outcomes.Where(o => members.Contains(o.Person)), o => Assert.True(o.Outcome.Succeeded, o.Outcome.Message));
        var registrations = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(members.Select(m => m.Id).Order(), registrations.Select(r => r.UserId).Order());
        Assert.Equal(5, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), registrations.Select(r => r.Ticket));
        Assert.All(registrations.Take(5), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task Register_ACrowdForAPublicGroupsEvent_ReadsTheGroupOncePerBatch_AndRefusesOnlyThoseBannedFromIt()
    {
        var members = await TestEvents.MembersAsync(app, 60, "Member");
        var others = await TestEvents.MembersAsync(app, 20, "Colleague");
        var banned = await TestEvents.MembersAsync(app, 4, "Banned");
        var group = await TestGroups.CreateAsync(app, GroupVisibility.Public, "Behavioural insights", [.. members.Select(m => (m, GroupRole.Member))]);
        await TestGroups.BanAsync(app, group, banned);
        var ev = await TestEvents.CreateAsync(app, 30, group.Id);
        var service = TestEvents.Registrations(app);
        var before = standings.Count;

        var everyone = members.Concat(others).Concat(banned).OrderBy(_ => Random.Shared.Next()).ToList();
        var outcomes = await Task.WhenAll(everyone.Select(p => Task.Run(async () => (Person: p, Outcome: await service.RegisterAsync(TestEvents.Viewer(p), ev.Slug)))));

        // A public group's event is open to every colleague not banned from the group; the banned are told why.
        Assert.All(outcomes.Where(o => banned.Contains(o.Person)), o => Assert.Equal(EventOutcomeKind.Refused, o.Outcome.Kind));
        Assert.All(outcomes.Where(o => !banned.Contains(o.Person)), o => Assert.True(o.Outcome.Succeeded, o.Outcome.Message));
        var registrations = await TestEvents.RegistrationsOfAsync(app, ev);
        Assert.Equal(members.Concat(others).Select(m => m.Id).Order(), registrations.Select(r => r.UserId).Order());
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), registrations.Select(r => r.Ticket));
        Assert.Equal(30, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));

        // Where each person stands in the group is read once per batch, not once per person under the event's lock.
        var reads = standings.Count - before;
        Assert.True(reads < everyone.Count / 4, $"{reads} reads of the group's bans for {everyone.Count} people: each person's access was loaded on their own");
    }

    [Fact]
    public async Task Register_AfterTheWindowClosed_EveryoneIsToldWhy_AndNothingIsStored()
    {
        var ev = await TestEvents.CreateAsync(app, 10, startsIn: TimeSpan.FromMinutes(-5));
        var people = await TestEvents.MembersAsync(app, 12);
        var service = TestEvents.Registrations(app);

        var outcomes = await Task.WhenAll(people.Select(p => Task.Run(() => service.RegisterAsync(TestEvents.Viewer(p), ev.Slug))));

        Assert.All(outcomes, o => Assert.Equal(EventOutcomeKind.Refused, o.Kind));
        Assert.All(outcomes, o => Assert.False(string.IsNullOrWhiteSpace(o.Message)));
        Assert.Empty(await TestEvents.RegistrationsOfAsync(app, ev));
        Assert.Equal(0, (await TestEvents.ReloadAsync(app, ev)).LastTicket);
    }
}
