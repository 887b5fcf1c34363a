using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Discussions;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>The default posting limits, on an app with no test overrides: a day-old account posts a little, then waits.</summary>
public sealed class PostingRateLimitTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task NewAccount_PostingFasterThanAllowed_IsToldWhenToRetry_AndNothingIsStored()
    {
        var data = new DiscussionTestData(fixture.App);
        var group = await data.GroupAsync();
        var newcomer = await data.MemberAsync(group, "Brand New");
        var thread = await data.ThreadAsync(group, newcomer);
        var asNewcomer = DiscussionTestData.Principal(newcomer);
        var allowed = new DiscussionOptions().NewAccountPostBurst;

        for (var i = 1; i < allowed; i++)
        {
            await data.Service.ReplyAsync(asNewcomer, thread.ThreadId, $"Reply {i}", cancellationToken: TestContext.Current.CancellationToken);
        }

        var refused = await Assert.ThrowsAsync<DiscussionException>(() =>
            data.Service.ReplyAsync(asNewcomer, thread.ThreadId, "One too many", cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("You are posting faster than the hub allows. Please wait ", refused.Message);
        Assert.Equal(allowed, (await data.PostsAsync(thread.ThreadId)).Count);
    }
}
