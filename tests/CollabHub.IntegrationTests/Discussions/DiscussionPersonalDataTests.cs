using System.Text.Json;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>A member's discussion data leaves with their download; their posts stay, by a former member, when the account goes.</summary>
public sealed class DiscussionPersonalDataTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Download_HoldsPostsWithEarlierVersions_ReactionsFlagsAndFollows()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Data Subject");
        var other = await Data.MemberAsync(group, "Other Writer");
        var thread = await Data.ThreadAsync(group, member, "My own thread", "First draft");
        await Data.Service.EditPostAsync(DiscussionTestData.Principal(member), thread.PostId, 1, "Final text", cancellationToken: Ct);
        var reply = await Data.Service.ReplyAsync(DiscussionTestData.Principal(other), thread.ThreadId, "Spammy", cancellationToken: Ct);
        await Data.Service.AddReactionAsync(DiscussionTestData.Principal(member), reply.PostId, "eyes", Ct);
        await Data.Service.FlagPostAsync(DiscussionTestData.Principal(member), reply.PostId, FlagReason.Spam, "Advert", Ct);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "discussions");
        var json = JsonSerializer.Serialize(await source.CollectAsync(member.Id, Ct));

        Assert.Contains("\"markdown\":\"Final text\"", json);
        Assert.Contains("\"markdown\":\"First draft\"", json);
        Assert.Contains("\"reaction\":\"eyes\"", json);
        Assert.Contains("\"details\":\"Advert\"", json);
        Assert.Contains("\"level\":\"Following\"", json);
        Assert.DoesNotContain("Spammy", json);
        Assert.Null(await source.CollectAsync((await Data.AccountAsync("Quiet Person")).Id, Ct));
    }

    [Fact]
    public async Task DeletedAccount_PostsStay_ByAFormerMember()
    {
        var group = await Data.GroupAsync();
        var leaver = await Data.MemberAsync(group, "Leaving Person");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var thread = await Data.ThreadAsync(group, leaver, "Still useful", "Knowledge that outlives the account");

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(leaver.Id))!)).Succeeded);
        }

        var page = (await Data.Service.ReadThreadAsync(DiscussionTestData.Principal(reader), group.Slug, thread.ThreadId, null, cancellationToken: Ct))!;
        Assert.Equal((PostAuthor.FormerMember, true), (page.Posts[0].Author.Name, page.Posts[0].Author.IsFormerMember));
        Assert.Contains("Knowledge that outlives the account", page.Posts[0].Html);
        Assert.Equal(PostAuthor.FormerMember, (await Data.Service.ListThreadsAsync(DiscussionTestData.Principal(reader), group.Slug, null, Ct))!.Threads[0].Author.Name);
    }
}
