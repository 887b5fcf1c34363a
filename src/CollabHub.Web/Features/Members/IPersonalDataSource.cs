namespace CollabHub.Web.Features.Members;

/// <summary>
/// One feature's part of a member's "download my data" file. Each feature that stores something about a member
/// registers one, so the download grows with the hub instead of going stale.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The section's name in the downloaded JSON, e.g. <c>profile</c>.</summary>
    string Section { get; }

    /// <summary>The section's content, or null when the feature holds nothing about this member.</summary>
    Task<object?> CollectAsync(string userId, CancellationToken cancellationToken);
}
