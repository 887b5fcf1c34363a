using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Groups;

public sealed class GroupEndpointsTests
{
    [Theory]
    [InlineData("groups/evaluators", true)]
    [InlineData("/groups/evaluators/members?page=2", true)]
    [InlineData("groups/evaluators/settings", true)]
    [InlineData("groups/evaluators-network", false)]
    [InlineData("groups/other/members", false)]
    [InlineData("https://evil.example/groups/evaluators", false)]
    [InlineData("//evil.example/groups/evaluators", false)]
    [InlineData("groups/evaluators//evil.example", false)]
    [InlineData(null, false)]
    public void IsPageOf_OnlyThisGroupsPagesAreReturnTargets(string? returnUrl, bool allowed) =>
        Assert.Equal(allowed, GroupEndpoints.IsPageOf("evaluators", returnUrl));
}
