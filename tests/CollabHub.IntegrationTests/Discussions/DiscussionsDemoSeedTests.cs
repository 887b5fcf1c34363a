using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>
/// The demo hub's groups have conversations: threads with replies in Markdown and a mention, and chat history, written
/// as their members would and shown like any other; seeding again (or a step run again after stopping half way) adds
/// nothing twice.
/// </summary>
public sealed class DiscussionsDemoSeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task DemoSeed_WritesThreadsWithRepliesAndChatHistory_ShownLikeAnyOther_Once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DemoSeededApp.CreateAsync(postgres, "conversationseed");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(ct);
            // As if each step had stopped before it was recorded: nothing is written twice.
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
            foreach (var step in scope.ServiceProvider.GetServices<IDemoSeedStep>().Where(s => s is DiscussionsDemoSeed or ChatDemoSeed))
            {
                await step.RunAsync(db, ct);
            }
        }

        using var reader = await TestAccounts.SignInNewMemberAsync(app, "Curious Reader");
        var list = await reader.OpenAsync("groups/un-behavioural-science-group/discussions");
        var threadLinks = list.QuerySelectorAll("a[href*='/discussions/']")
            .Where(a => a.TextContent.Contains("Reminder letters for tax filing", StringComparison.Ordinal)).ToList();
        Assert.Single(threadLinks);
        Assert.Contains("SMS reminders for second vaccine doses", list.Html, StringComparison.Ordinal);
        var thread = await reader.OpenAsync(threadLinks[0].GetAttribute("href")!);
        Assert.Contains("<strong>filing reminder letters</strong>", thread.Html, StringComparison.Ordinal);
        Assert.Contains("District-level figures it is", thread.Html, StringComparison.Ordinal);
        Assert.Contains("@Kenji Watanabe", thread.Html, StringComparison.Ordinal);

        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(3, await check.DiscussionThreads.CountAsync(ct));
        Assert.Equal(10, await check.DiscussionPosts.CountAsync(ct));
        var kenji = await check.Users.SingleAsync(u => u.Email == "kenji.watanabe@collabhub.example", ct);
        var chat = app.Services.GetRequiredService<ChatService>();
        var channels = await chat.ChannelsAsync(new ChatCaller(kenji.Id, false, null), ct);
        var groupChat = Assert.Single(channels, c => c.GroupSlug == "un-behavioural-science-group");
        var history = await chat.AfterAsync(new ChatCaller(kenji.Id, false, null), groupChat.ChannelId, 0, cancellationToken: ct);
        Assert.Equal(5, history.Count);
        Assert.StartsWith("Morning all!", history[0].Body, StringComparison.Ordinal);
    }
}
