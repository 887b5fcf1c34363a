using System.Security.Claims;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CollabHub.IntegrationTests.Library;

/// <summary>Members, moderators, submissions and files for library tests, through the real services.</summary>
public sealed class LibraryTestData(WebApplicationFactory<Program> app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public LibraryService Service => app.Services.CreateScope().ServiceProvider.GetRequiredService<LibraryService>();

    public LibrarySearchService Search => app.Services.CreateScope().ServiceProvider.GetRequiredService<LibrarySearchService>();

    public Task<ApplicationUser> MemberAsync(string name = "Member") => TestAccounts.CreateAsync(app, name, SiteRoles.Member);

    public Task<ApplicationUser> ModeratorAsync(string name = "Moderator") => TestAccounts.CreateAsync(app, name, SiteRoles.Member, SiteRoles.Moderator);

    /// <summary>What the app's pages pass to the services for this account (its roles as claims).</summary>
    public static ClaimsPrincipal Principal(ApplicationUser user, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName!) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public static ClaimsPrincipal Moderator(ApplicationUser user) => Principal(user, SiteRoles.Moderator);

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    public static ResourceForm Form(string title, string? link = "https://www.un.org/en/", string? group = null) => new()
    {
        Title = title,
        Summary = $"A summary of {title}.",
        Description = "Some *description*.",
        Type = nameof(ResourceType.Report),
        Entity = "UNDP",
        Authors = "Jane Doe; John Roe",
        PublishedOn = "2023-05-01",
        Languages = ["en"],
        Topics = "evaluation, behavioural science",
        Sdgs = [5, 16],
        Licence = "CC BY 4.0",
        LinkUrl = link,
        Group = group,
    };

    /// <summary>Submits and returns the stored resource; fails the test when refused.</summary>
    public async Task<Resource> SubmitAsync(ApplicationUser submitter, ResourceForm form, params UploadedFile[] files)
    {
        var result = await Service.SubmitAsync(Principal(submitter), form, files, Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return await ResourceAsync(result.Slug!);
    }

    public async Task<Resource> ApprovedAsync(ApplicationUser submitter, ApplicationUser moderator, ResourceForm form, params UploadedFile[] files)
    {
        var resource = await SubmitAsync(submitter, form, files);
        var outcome = await Service.DecideAsync(Moderator(moderator), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);
        Assert.True(outcome.Succeeded, outcome.Message);
        return await ResourceAsync(resource.Slug);
    }

    /// <summary>Submits to a group and approves as <paramref name="groupModerator"/> (a group's own moderators decide its resources).</summary>
    public async Task<Resource> GroupApprovedAsync(ApplicationUser groupModerator, ResourceForm form)
    {
        var resource = await SubmitAsync(groupModerator, form);
        var outcome = await Service.DecideAsync(Principal(groupModerator), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);
        Assert.True(outcome.Succeeded, outcome.Message);
        return resource;
    }

    public async Task<Resource> ResourceAsync(string slug)
    {
        await using var db = await ContextAsync();
        return await db.LibraryResources.AsNoTracking().Include(r => r.Files).SingleAsync(r => r.Slug == slug, Ct);
    }

    public async Task<List<Notification>> NotificationsAsync(ApplicationUser recipient)
    {
        await using var db = await ContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == recipient.Id).OrderBy(n => n.CreatedAt).ToListAsync(Ct);
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await ContextAsync();
        return await query(db);
    }

    /// <summary>The share of resources holding <paramref name="word"/> as the last ANALYZE counted it (what the search judges commonness by).</summary>
    public Task<double> WordShareAsync(string word) => QueryAsync(db => db.Database.SqlQuery<double>($"""
        SELECT e.f::float8 AS "Value"
        FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(w, f)
        WHERE s.tablename = 'library_resources' AND s.attname = 'search_vector' AND e.w = {word}
        """).SingleAsync(Ct));

    /// <summary>
    /// <paramref name="count"/> approved resources holding no topic, goal or word of any test's (slugs
    /// <paramref name="slugPrefix"/>1…), inserted at once, each approved <paramref name="step"/> after the one before,
    /// from the newest resource on.
    /// </summary>
    public Task<int> FillerAsync(string slugPrefix, int count, TimeSpan step) => QueryAsync(db => db.Database.ExecuteSqlAsync($"""
        INSERT INTO library_resources (id, slug, title, summary, description, type, authors, languages, topics, sdgs, status,
                                       is_featured, search_config, file_text, download_count, submitted_at, updated_at,
                                       approved_at, version, search_vector)
        SELECT gen_random_uuid(), {slugPrefix} || i, 'Filler ' || i, 'Filler summary', '', 'Report', ARRAY[]::text[], ARRAY['en'], ARRAY[]::text[], ARRAY[]::int[],
               'Approved', false, 'simple', '', 0, t.at, t.at, t.at + i * {step}, 1, to_tsvector('simple', 'filler')
        FROM generate_series(1, {count}) AS i, (SELECT max(approved_at) AS at FROM library_resources) AS t
        """, Ct));

    public Task<Group> GroupAsync(GroupVisibility visibility, params (ApplicationUser User, GroupRole Role)[] members) =>
        TestGroups.CreateAsync(app, visibility, "Library group", members);

    public static UploadedFile File(string name, byte[] content) => new(name, () => new MemoryStream(content));

    /// <summary>A real one-page PDF with <paramref name="text"/> on it, built with PdfPig.</summary>
    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(text, 12, new PdfPoint(40, 700), font);
        return builder.Build();
    }

    /// <summary>What an executable looks like: the "MZ" header and binary bytes.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];

    public static string Word() => "w" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The hits' titles as shown, without the highlighting.</summary>
    public static IEnumerable<string> Titles(LibrarySearchResults results) =>
        results.Hits.Select(h => h.TitleHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    private Task<AppDbContext> ContextAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
