using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Events;

/// <summary>Events and members written straight to the database, for tests about registering rather than creating.</summary>
public static class TestEvents
{
    /// <summary>A published event starting <paramref name="startsIn"/> from now (a day by default).</summary>
    public static async Task<Event> CreateAsync(
        WebApplicationFactory<Program> app, int? capacity, Guid? groupId = null, TimeSpan? startsIn = null, string? title = null, ApplicationUser? creator = null)
    {
        var now = DateTimeOffset.UtcNow;
        var starts = now + (startsIn ?? TimeSpan.FromDays(1));
        var ev = new Event
        {
            Slug = $"t-{Guid.NewGuid():N}"[..20],
            Title = title ?? "A test event",
            Description = "Held for a test.",
            StartsAt = starts,
            EndsAt = starts.AddHours(1),
            TimeZoneId = "Europe/Zurich",
            Format = EventFormat.Online,
            JoinUrl = "https://meet.example.org/t",
            Capacity = capacity,
            GroupId = groupId,
            Status = EventStatus.Published,
            CreatedById = creator?.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Sequence = 1,
        };
        await using var db = await ContextAsync(app);
        db.Events.Add(ev);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ev;
    }

    /// <summary>Confirmed accounts without passwords, made in one insert: hashing 200 passwords would be the whole test.</summary>
    public static async Task<IReadOnlyList<ApplicationUser>> MembersAsync(WebApplicationFactory<Program> app, int count, string name = "Attendee")
    {
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
            return new ApplicationUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"{name} {i + 1}",
                SecurityStamp = Guid.NewGuid().ToString(),
                CreatedAt = DateTimeOffset.UtcNow,
            };
        }).ToList();
        await using var db = await ContextAsync(app);
        db.Users.AddRange(users);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return users;
    }

    public static EventViewer Viewer(ApplicationUser user, bool siteModerator = false) => new(user.Id, false, siteModerator);

    public static EventRegistrationService Registrations(WebApplicationFactory<Program> app) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<EventRegistrationService>();

    public static EventService Events(WebApplicationFactory<Program> app) =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<EventService>();

    public static async Task<Event> ReloadAsync(WebApplicationFactory<Program> app, Event ev)
    {
        await using var db = await ContextAsync(app);
        return await db.Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id, TestContext.Current.CancellationToken);
    }

    public static async Task<List<EventRegistration>> RegistrationsOfAsync(WebApplicationFactory<Program> app, Event ev)
    {
        await using var db = await ContextAsync(app);
        return await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == ev.Id).OrderBy(r => r.Ticket)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Subjects of the mails queued to <paramref name="user"/>, oldest first.</summary>
    public static async Task<List<string>> MailSubjectsAsync(WebApplicationFactory<Program> app, ApplicationUser user)
    {
        await using var db = await ContextAsync(app);
        return await db.OutboxEmails.Where(m => m.ToAddress == user.Email).OrderBy(m => m.Id).Select(m => m.Subject)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public static Task<AppDbContext> ContextAsync(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
