namespace CollabHub.Web.Infrastructure.Email;

/// <summary>One page of a newest-first list; <see cref="Page"/> counts from 1.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxEmailSummary> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Paging.PageCount(Total, PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}
