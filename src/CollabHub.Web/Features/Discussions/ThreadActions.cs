namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// What the thread view can ask for, bound by its host to <see cref="DiscussionService"/> and the signed-in member.
/// Each delegate re-checks everything in the service; a refusal arrives as a <see cref="DiscussionException"/>.
/// The view stays free of data access, so it is tested with bUnit on its own.
/// </summary>
public sealed class ThreadActions
{
    public required Func<string, Guid?, Task<PostReceipt>> Reply { get; init; }

    /// <summary>Post id, the version being edited, the new body, and the new title (opening post only).</summary>
    public required Func<Guid, int, string, string?, Task> Edit { get; init; }

    public required Func<Guid, Task> Delete { get; init; }

    public required Func<Guid, string?, Task> Hide { get; init; }

    public required Func<Guid, FlagReason, string?, Task> Flag { get; init; }

    /// <summary>Post id, reaction code, and true to add or false to take it back.</summary>
    public required Func<Guid, string, bool, Task> React { get; init; }

    public required Func<bool, Task> Pin { get; init; }

    public required Func<bool, Task> Lock { get; init; }

    public required Func<SubscriptionLevel?, Task> Subscribe { get; init; }

    public required Func<Guid, Task<IReadOnlyList<PostRevisionView>>> Revisions { get; init; }

    public required Func<string, Task<MarkupPreview>> Preview { get; init; }

    public required Func<string, Task<IReadOnlyList<MentionSuggestion>>> Suggest { get; init; }
}
