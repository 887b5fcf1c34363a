using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Groups;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Appeals;

/// <summary>Appeals made through the service the way a moderator's form does, and what the database says about them.</summary>
internal static partial class AppealTestData
{
    public static AppealViewer Moderator(ApplicationUser user) => new(new GroupViewer(user.Id, false), true);

    public static AppealViewer Member(ApplicationUser user) => new(new GroupViewer(user.Id, false), false);

    /// <summary>A new site appeal (open unless <paramref name="open"/> is false), created by <paramref name="moderator"/>; returns its slug.</summary>
    public static async Task<string> CreateAsync(WebApplicationFactory<Program> app, ApplicationUser moderator, bool open = true, string? groupSlug = null, int? goal = null)
    {
        var form = new AppealForm
        {
            Title = $"Test appeal {Guid.NewGuid():N}"[..25],
            Call = "Stop the fighting **now**.",
            IssuedBy = "A test",
            WhyItMatters = "Because a test says so.",
            Commitment = "To be counted.",
            StartsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            Goal = goal,
            GroupSlug = groupSlug,
        };
        var viewer = groupSlug is null ? Moderator(moderator) : Member(moderator);
        var (outcome, slug) = await GroupTestData.UseAsync<AppealService, (GroupOutcome, string?)>(app, s => s.CreateAsync(viewer, form));
        Assert.True(outcome.Succeeded, outcome.Message);
        if (open)
        {
            var opened = await GroupTestData.UseAsync<AppealService, GroupOutcome>(app, s => s.OpenAsync(viewer, slug!));
            Assert.True(opened.Succeeded, opened.Message);
        }

        return slug!;
    }

    /// <summary>The counts the page shows.</summary>
    public static async Task<AppealCounts> CountsAsync(WebApplicationFactory<Program> app, string slug)
    {
        var id = await GroupTestData.QueryAsync(app, db => db.Appeals.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync());
        return await GroupTestData.UseAsync<AppealQueries, AppealCounts>(app, q => q.CountsAsync(id));
    }

    /// <summary>Confirmed rows straight from the table, to hold the counts against.</summary>
    public static Task<int> ConfirmedRowsAsync(WebApplicationFactory<Program> app, string slug, EndorsementCapacity capacity) =>
        GroupTestData.QueryAsync(app, db => db.AppealEndorsements.CountAsync(e =>
            e.Capacity == capacity && e.Status == EndorsementStatus.Confirmed && db.Appeals.Any(a => a.Id == e.AppealId && a.Slug == slug)));

    /// <summary>The link in the newest mail to <paramref name="email"/> whose path starts with <paramref name="path"/>, site-relative.</summary>
    public static async Task<string?> LinkInMailAsync(WebApplicationFactory<Program> app, string email, string path)
    {
        var bodies = await GroupTestData.QueryAsync(app, db => db.OutboxEmails.Where(m => m.ToAddress == email).OrderByDescending(m => m.Id).Select(m => m.TextBody).ToListAsync());
        foreach (var body in bodies)
        {
            var match = Link().Match(body);
            while (match.Success)
            {
                var url = new Uri(match.Value);
                if (url.AbsolutePath.TrimStart('/').StartsWith(path, StringComparison.Ordinal))
                {
                    return url.AbsolutePath.TrimStart('/');
                }

                match = match.NextMatch();
            }
        }

        return null;
    }

    public static Task<int> MailCountAsync(WebApplicationFactory<Program> app, string email) =>
        GroupTestData.QueryAsync(app, db => db.OutboxEmails.CountAsync(m => m.ToAddress == email));

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();
}
