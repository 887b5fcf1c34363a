using System.Security.Claims;

namespace CollabHub.Web.Features.Library;

/// <summary>How many submissions wait for a viewer's review: what the navigation needs of the library, and no more.</summary>
public interface IPendingReviewCount
{
    Task<int> PendingReviewCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
