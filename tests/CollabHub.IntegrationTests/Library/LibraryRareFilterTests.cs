using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>
/// Browsing by a topic, SDG, language or year that few resources have (or nobody has) reads its matches through its
/// own index, chosen from the statistics: a reader still sees exactly those resources, newest first, counted and
/// faceted exactly, with private groups' resources kept from outsiders, before the statistics list the values and
/// after. This class's database is its own: only this test uses Swahili, SDG 14 and the years it browses.
/// </summary>
public sealed class LibraryRareFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const int RareYear = 1951;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Browse_ByATopicSdgLanguageOrYearFewHave_ShowsTheirResourcesNewestFirst_CountedExactly_PrivateOnesOnlyToMembers()
    {
        var insider = await Data.MemberAsync("Insider");
        var outsider = await Data.MemberAsync("Outsider");
        var moderator = await Data.ModeratorAsync();
        var group = await Data.GroupAsync(GroupVisibility.Private, (insider, GroupRole.Owner));
        var topic = LibraryTestData.Word();
        var old = await Data.ApprovedAsync(outsider, moderator, Form("Old atlas", topic, ["en", "sw"], [14], $"{RareYear}-03-01"));
        var middle = await Data.ApprovedAsync(outsider, moderator, Form("Middle brief", topic, ["en"], [5], "2023-05-01"));
        var recent = await Data.ApprovedAsync(outsider, moderator, Form("Recent toolkit", topic, ["sw"], [5], "2024-02-01"));
        var secretForm = Form("Secret atlas", topic, ["sw"], [14], $"{RareYear}-09-01", group.Slug);
        secretForm.Entity = "Secret entity";
        var secret = await Data.GroupApprovedAsync(insider, secretForm);
        // Hits come in order of publication, newest first. More resources with none of the rare values, so that after ANALYZE they are rare in the statistics too.
        for (var i = 0; i < 8; i++)
        {
            await Data.ApprovedAsync(outsider, moderator, LibraryTestData.Form($"Other brief {i}"));
        }

        (string Name, LibraryQuery Query, string[] Outside, string[] Inside)[] views =
        [
            ("the topic", new() { Topic = topic }, [recent.Slug, middle.Slug, old.Slug], [recent.Slug, middle.Slug, secret.Slug, old.Slug]),
            ("a language", new() { Language = "sw" }, [recent.Slug, old.Slug], [recent.Slug, secret.Slug, old.Slug]),
            ("an SDG", new() { Sdg = 14 }, [old.Slug], [secret.Slug, old.Slug]),
            ("a year", new() { Year = RareYear }, [old.Slug], [secret.Slug, old.Slug]),
            ("an SDG and the topic, most downloaded first", new() { Sdg = 14, Topic = topic, Sort = LibrarySort.MostDownloaded }, [old.Slug], [secret.Slug, old.Slug]),
            ("the topic and a language", new() { Topic = topic, Language = "sw" }, [recent.Slug, old.Slug], [recent.Slug, secret.Slug, old.Slug]),
            ("the topic and a type", new() { Topic = topic, Type = ResourceType.Report }, [recent.Slug, middle.Slug, old.Slug], [recent.Slug, middle.Slug, secret.Slug, old.Slug]),
            ("a topic nobody has", new() { Topic = LibraryTestData.Word() }, [], []),
            ("a language nobody has", new() { Language = "pt" }, [], []),
            ("a year nobody has", new() { Year = RareYear + 1 }, [], []),
            ("an SDG, a language and a year nobody has together", new() { Sdg = 14, Language = "en", Year = 2024 }, [], []),
        ];

        foreach (var statistics in new[] { "before ANALYZE", "after ANALYZE" })
        {
            foreach (var (name, query, outside, inside) in views)
            {
                foreach (var viewer in new[] { LibraryTestData.Principal(outsider), LibraryTestData.Anonymous })
                {
                    var results = await Data.Search.SearchAsync(viewer, query, Ct);
                    Assert.True(outside.SequenceEqual(results.Hits.Select(h => h.Slug)), $"{name}, {statistics}, outsider: {string.Join(", ", results.Hits.Select(h => h.Slug))}");
                    Assert.Equal(outside.Length, results.Total);
                    Assert.False(results.IsCapped);
                    Assert.Equal(outside.Length, results.Facet(LibrarySearchResults.TypeFacet).Sum(f => f.Count));
                    Assert.DoesNotContain(results.Facet(LibrarySearchResults.EntityFacet), f => f.Value == "Secret entity");
                }

                var asInsider = await Data.Search.SearchAsync(LibraryTestData.Principal(insider), query, Ct);
                Assert.True(inside.SequenceEqual(asInsider.Hits.Select(h => h.Slug)), $"{name}, {statistics}, insider: {string.Join(", ", asInsider.Hits.Select(h => h.Slug))}");
                Assert.Equal(inside.Length, asInsider.Total);
                Assert.Equal(inside.Length, asInsider.Facet(LibrarySearchResults.TypeFacet).Sum(f => f.Count));
            }

            var byTopic = await Data.Search.SearchAsync(LibraryTestData.Principal(outsider), new LibraryQuery { Topic = topic }, Ct);
            Assert.Equal([("en", 2), ("sw", 2)], byTopic.Facet(LibrarySearchResults.LanguageFacet).Select(f => (f.Value, f.Count)));
            Assert.Equal([("14", 1), ("5", 2)], byTopic.Facet(LibrarySearchResults.SdgFacet).Select(f => (f.Value, f.Count)).OrderBy(f => f.Value, StringComparer.Ordinal));
            Assert.Equal([(RareYear.ToString(System.Globalization.CultureInfo.InvariantCulture), 1), ("2023", 1), ("2024", 1)],
                byTopic.Facet(LibrarySearchResults.YearFacet).Select(f => (f.Value, f.Count)).OrderBy(f => f.Value, StringComparer.Ordinal));
            await Data.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE library_resources", Ct));
        }
    }

    private static ResourceForm Form(string title, string topic, List<string> languages, List<int> sdgs, string publishedOn, string? group = null)
    {
        var form = LibraryTestData.Form(title, group: group);
        form.Topics = topic;
        form.Languages = languages;
        form.Sdgs = sdgs;
        form.PublishedOn = publishedOn;
        return form;
    }
}
