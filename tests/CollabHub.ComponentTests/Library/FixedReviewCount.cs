using System.Security.Claims;
using CollabHub.Web.Features.Library;

namespace CollabHub.ComponentTests.Library;

/// <summary>A review count for components that show the navigation, without a database.</summary>
public sealed class FixedReviewCount(int count) : IPendingReviewCount
{
    public Task<int> PendingReviewCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) => Task.FromResult(count);
}
