using System.Text.Json;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>"Last seen" is stored when a member's last connection closes, so it outlives the process.</summary>
public sealed class ChatLastSeenTests(ChatAppFixture fixture) : IClassFixture<ChatAppFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task LastConnectionClosing_StoresWhenTheMemberWasLastSeen()
    {
        using var browser = await TestAccounts.SignInNewMemberAsync(App);
        var client = await ChatTestClient.ConnectAsync(App, browser);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await client.DisposeAsync();

        await Eventually.WaitAsync(async () => await StoredAsync(browser.Account.Id) >= before, "the last-seen time is stored");
    }

    [Fact]
    public async Task MemberNeverOnlineInThisProcess_ShowsTheStoredLastSeen()
    {
        var account = await TestAccounts.CreateAsync(App, "Returning");
        var seen = new DateTimeOffset(2026, 3, 1, 9, 15, 0, TimeSpan.Zero);
        await using (var db = await ContextAsync())
        {
            db.MemberLastSeen.Add(new MemberLastSeen { UserId = account.Id, LastSeenAt = seen });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var presence = await App.Services.GetRequiredService<ChatPresence>().GetManyAsync([account.Id], TestContext.Current.CancellationToken);

        Assert.Equal(PresenceState.Offline, presence[account.Id].State);
        Assert.Equal(seen, presence[account.Id].LastSeenAt);
    }

    [Fact]
    public async Task Download_HoldsOwnMessagesReadPositionsAndLastSeen_NotOthersMessages()
    {
        var room = await ChatPanelHarness.RoomAsync(App);
        await room.SendAsync(room.Amina, "Mine to take away");
        await room.SendAsync(room.Ben, "Ben's own words");

        await using var scope = App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "chat");
        var json = JsonSerializer.Serialize(await source.CollectAsync(room.Amina.Id, TestContext.Current.CancellationToken));

        Assert.Contains("\"body\":\"Mine to take away\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lastReadSeq\":1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben's own words", json, StringComparison.Ordinal);
        Assert.Null(await source.CollectAsync((await TestAccounts.CreateAsync(App, "Quiet")).Id, TestContext.Current.CancellationToken));
    }

    private async Task<DateTimeOffset?> StoredAsync(string userId)
    {
        await using var db = await ContextAsync();
        return await db.MemberLastSeen.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    private Task<AppDbContext> ContextAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
