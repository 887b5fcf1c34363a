using CollabHub.Web.Infrastructure;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>One page of the directory, with what the pager needs.</summary>
public sealed record MemberDirectoryResult(IReadOnlyList<MemberSummary> Members, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Paging.PageCount(TotalCount, PageSize);
}
