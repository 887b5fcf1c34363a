using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Chat;

public sealed class WhoIsHereTests : BunitContext
{
    public WhoIsHereTests()
    {
        Services.AddLocalization();
        Services.AddSingleton<SharedText>();
    }

    [Fact]
    public void Render_ListsOnlineThenIdleThenOffline_WithLastSeen()
    {
        var lastSeen = new DateTimeOffset(2026, 3, 1, 9, 15, 0, TimeSpan.Zero);
        var members = new[] { new ChatMember("a", "Amina"), new ChatMember("b", "Bao"), new ChatMember("c", "Chloé") };
        var presence = new Dictionary<string, MemberPresence>
        {
            ["a"] = new("a", PresenceState.Offline, lastSeen),
            ["b"] = new("b", PresenceState.Idle, lastSeen),
            ["c"] = new("c", PresenceState.Online, lastSeen),
        };

        var list = Render<WhoIsHere>(p => p.Add(x => x.Members, members).Add(x => x.Presence, presence));

        var rows = list.FindAll(".who-is-here__member").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("Chloé", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("online", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("idle", rows[1], StringComparison.Ordinal);
        Assert.EndsWith("last seen 1 Mar 09:15", rows[2], StringComparison.Ordinal);
        Assert.Single(list.FindAll(".presence-dot--online"));
    }

    [Fact]
    public void EachRowsText_IsTheOneCopyKeptForEveryTab_AndARowThatReadsDifferentlyIsItsOwn()
    {
        var lastSeen = new DateTimeOffset(2026, 3, 1, 9, 15, 0, TimeSpan.Zero);
        var members = new[] { new ChatMember("a", "Amina"), new ChatMember("b", "Bao") };
        var presence = new Dictionary<string, MemberPresence>
        {
            ["a"] = new("a", PresenceState.Online, lastSeen),
            ["b"] = new("b", PresenceState.Offline, lastSeen),
        };
        var shared = Services.GetRequiredService<SharedText>();

        var list = Render<WhoIsHere>(p => p.Add(x => x.Members, members).Add(x => x.Presence, presence));

        // The rows' text as another tab would build it: the kept copy is handed back, not this one.
        var rows = list.FindAll(".who-is-here__member").Select(r => r.OuterHtml).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var copy = new string(row.AsSpan());
            var kept = shared.Of(copy);
            Assert.Equal(row, kept);
            Assert.NotSame(copy, kept);
        }

        // Amina goes idle: her row now reads "idle", and Bao's stays as it was.
        var idle = new Dictionary<string, MemberPresence>(presence) { ["a"] = new("a", PresenceState.Idle, lastSeen) };
        list.Render(p => p.Add(x => x.Presence, idle));
        var after = list.FindAll(".who-is-here__member").Select(r => r.TextContent.Trim()).ToList();
        Assert.StartsWith("Amina", after[0], StringComparison.Ordinal);
        Assert.EndsWith("idle", after[0], StringComparison.Ordinal);
        Assert.EndsWith("last seen 1 Mar 09:15", after[1], StringComparison.Ordinal);
    }
}
