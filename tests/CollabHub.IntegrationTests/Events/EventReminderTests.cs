using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Events;

/// <summary>Reminders with a clock the test controls: each sent once, only to confirmed people, and never again after a restart.</summary>
public sealed class EventReminderTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2031, 5, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock clock = new(Start.AddDays(-3));
    private string connectionString = "";

    public async ValueTask InitializeAsync() => connectionString = await postgres.CreateDatabaseAsync(nameof(EventReminderTests));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CollabHubApp NewApp() => new(connectionString) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };

    [Fact]
    public async Task SendDue_WithAFakeClock_SendsEachReminderOnceToConfirmedPeopleOnly()
    {
        Event ev;
        IReadOnlyList<CollabHub.Web.Features.Members.ApplicationUser> people;
        await using (var app = NewApp())
        {
            ev = await TestEvents.CreateAsync(app, 2, startsIn: Start - DateTimeOffset.UtcNow);
            people = await TestEvents.MembersAsync(app, 4);
            foreach (var person in people)
            {
                await TestEvents.Registrations(app).RegisterAsync(TestEvents.Viewer(person), ev.Slug, TestContext.Current.CancellationToken);
            }

            // people[0] and [1] confirmed, [2] and [3] waiting; [1] cancels, so [2] is promoted and [3] keeps waiting.
            await TestEvents.Registrations(app).CancelAsync(TestEvents.Viewer(people[1]), ev.Slug, TestContext.Current.CancellationToken);

            clock.Now = Start.AddHours(-25);
            await ReminderService(app).SendDueAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, await RemindersAsync(app, people[0]));

            clock.Now = Start.AddHours(-23);
            await ReminderService(app).SendDueAsync(TestContext.Current.CancellationToken);
            await ReminderService(app).SendDueAsync(TestContext.Current.CancellationToken);
        }

        // A restart: a new app on the same database with the clock still in the window.
        await using (var app = NewApp())
        {
            await ReminderService(app).SendDueAsync(TestContext.Current.CancellationToken);
            Assert.Equal(new[] { 1, 0, 1, 0 }, await Task.WhenAll(people.Select(p => RemindersAsync(app, p))));

            clock.Now = Start.AddMinutes(-50);
            await ReminderService(app).SendDueAsync(TestContext.Current.CancellationToken);
            await ReminderService(app).SendDueAsync(TestContext.Current.CancellationToken);

            Assert.Equal(new[] { 2, 0, 2, 0 }, await Task.WhenAll(people.Select(p => RemindersAsync(app, p))));
            var subjects = await TestEvents.MailSubjectsAsync(app, people[0]);
            Assert.Contains($"Starts tomorrow: {ev.Title}", subjects);
            Assert.Contains($"Starts in an hour: {ev.Title}", subjects);
        }
    }

    private static EventReminderService ReminderService(CollabHubApp app) => app.Services.GetRequiredService<EventReminderService>();

    private static async Task<int> RemindersAsync(CollabHubApp app, CollabHub.Web.Features.Members.ApplicationUser person)
    {
        await using var db = await TestEvents.ContextAsync(app);
        return await db.OutboxEmails.CountAsync(m => m.ToAddress == person.Email && m.Subject.StartsWith("Starts "), TestContext.Current.CancellationToken);
    }
}
