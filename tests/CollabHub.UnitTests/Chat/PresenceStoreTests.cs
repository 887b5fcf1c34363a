using CollabHub.Web.Features.Chat;

namespace CollabHub.UnitTests.Chat;

public sealed class PresenceStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Disconnect_OfOneOfTwoConnections_KeepsTheMemberOnline()
    {
        var store = new InMemoryPresenceStore();
        Assert.Equal(PresenceState.Online, store.Connect("u", "tab1", T0)?.State);
        Assert.Null(store.Connect("u", "tab2", T0));

        Assert.Null(store.Disconnect("u", "tab2", T0.AddSeconds(5)));
        var offline = store.Disconnect("u", "tab1", T0.AddSeconds(9));

        Assert.Equal(new MemberPresence("u", PresenceState.Offline, T0.AddSeconds(9)), offline);
    }

    [Fact]
    public void MarkIdle_AfterNoActivity_MakesOnlineMembersIdle_AndActivityBringsThemBack()
    {
        var store = new InMemoryPresenceStore();
        store.Connect("quiet", "c1", T0);
        store.Connect("busy", "c2", T0);
        store.Touch("busy", T0.AddMinutes(4));

        var idle = store.MarkIdle(T0.AddMinutes(1));

        Assert.Equal(["quiet"], idle.Select(p => p.UserId));
        Assert.Equal(PresenceState.Idle, store.Get("quiet").State);
        Assert.Equal(PresenceState.Online, store.Touch("quiet", T0.AddMinutes(6))?.State);
        Assert.Empty(store.MarkIdle(T0.AddMinutes(1)));
    }

    [Fact]
    public void Connected_ListsOnlineAndIdleMembers_NotThoseWhoLeft()
    {
        var store = new InMemoryPresenceStore();
        store.Connect("online", "c1", T0);
        store.Connect("idle", "c2", T0);
        store.Connect("left", "c3", T0);
        store.Disconnect("left", "c3", T0.AddSeconds(1));
        store.Touch("online", T0.AddMinutes(4));
        store.MarkIdle(T0.AddMinutes(1));

        Assert.Equal(["idle", "online"], store.Connected().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Get_SomeoneNeverSeen_IsOfflineWithoutLastSeen() =>
        Assert.Equal(new MemberPresence("ghost", PresenceState.Offline, null), new InMemoryPresenceStore().Get("ghost"));
}
