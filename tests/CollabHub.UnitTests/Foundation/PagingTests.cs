using CollabHub.Web.Infrastructure;

namespace CollabHub.UnitTests.Foundation;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(40, 2)]
    public void PageCount_IsAtLeastOne_AndCountsAPartPage(int total, int expected) =>
        Assert.Equal(expected, Paging.PageCount(total, pageSize: 20));

    [Theory]
    [InlineData(-3, 45, 1)]
    [InlineData(0, 45, 1)]
    [InlineData(2, 45, 2)]
    [InlineData(3, 45, 3)]
    [InlineData(4, 45, 3)]
    [InlineData(10_000, 45, 3)]
    [InlineData(5, 0, 1)]
    public void Within_KeepsThePageInTheList_PastTheLastIsTheLast(int page, int total, int expected) =>
        Assert.Equal(expected, Paging.Within(page, total, pageSize: 20));
}
