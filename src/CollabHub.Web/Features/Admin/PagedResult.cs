using CollabHub.Web.Infrastructure;

namespace CollabHub.Web.Features.Admin;

/// <summary>One page of a longer list. <see cref="Page"/> counts from 1.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Paging.PageCount(TotalCount, PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}
