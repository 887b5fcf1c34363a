using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
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

    private async Task<DateTimeOffset?> StoredAsync(string userId)
    {
        await using var db = await ContextAsync();
        return await db.MemberLastSeen.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    private Task<AppDbContext> ContextAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
