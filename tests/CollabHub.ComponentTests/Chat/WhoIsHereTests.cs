using Bunit;
using CollabHub.Web.Features.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Chat;

public sealed class WhoIsHereTests : BunitContext
{
    public WhoIsHereTests() => Services.AddLocalization();

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
}
