using CollabHub.Web.Features.Discussions;

namespace CollabHub.ComponentTests.Discussions;

/// <summary>Small, readable thread pages and recording actions for the view's tests.</summary>
internal static class ThreadFixtures
{
    public static readonly DiscussionGroup Group = new(Guid.Parse("0194f5a8-0000-7000-8000-0000000000aa"), "behavioural-science", "UN Behavioural Science Group");
    public static readonly Guid ThreadId = Guid.Parse("0194f5a8-0000-7000-8000-0000000000bb");
    private static readonly DateTimeOffset Start = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero);

    public static PostPermissions MemberCan { get; } = new(Reply: true, Edit: false, Delete: false, Hide: false, Flag: true, React: true, SeeHistory: false);

    public static PostView Post(int number, string author, string text, PostPermissions? can = null, IReadOnlyList<ReactionView>? reactions = null) => new(
        Guid.Parse($"0194f5a8-0000-7000-8000-{number:D12}"),
        number,
        new PostAuthor($"u-{author.ToLowerInvariant()}", author, null),
        Start.AddMinutes(number),
        null,
        1,
        PostState.Visible,
        $"<p>{text}</p>",
        text,
        null,
        null,
        reactions ?? [],
        can ?? MemberCan,
        null);

    public static ThreadPage Page(IReadOnlyList<PostView> posts, bool locked = false, bool participate = true, bool moderate = false, int? firstUnread = null) => new(
        Group,
        ThreadId,
        "Letters that nudge",
        IsPinned: false,
        IsLocked: locked,
        IsRemoved: false,
        new ViewerRights("u-viewer", participate, moderate),
        null,
        PageNumber: 1,
        PageCount: 1,
        PostCount: posts.Count,
        firstUnread,
        posts,
        TimeZoneInfo.Utc);

    /// <summary>Actions that record what the view asked for; <paramref name="refuse"/> makes every change fail with that sentence.</summary>
    public static ThreadActions Recording(List<string> calls, string? refuse = null) => new()
    {
        Reply = (body, replyTo) => Do(calls, refuse, $"reply:{replyTo?.ToString() ?? "-"}:{body}", new PostReceipt(ThreadId, Guid.NewGuid(), 9, "x")),
        Edit = (id, version, body, title) => Do(calls, refuse, $"edit:{version}:{body}:{title}"),
        Delete = id => Do(calls, refuse, "delete"),
        Hide = (id, reason) => Do(calls, refuse, $"hide:{reason}"),
        Flag = (id, reason, details) => Do(calls, refuse, $"flag:{reason}:{details}"),
        React = (id, code, add) => Do(calls, refuse, $"react:{code}:{add}"),
        Pin = pinned => Do(calls, refuse, $"pin:{pinned}"),
        Lock = locked => Do(calls, refuse, $"lock:{locked}"),
        Subscribe = level => Do(calls, refuse, $"subscribe:{level}"),
        Revisions = id => Task.FromResult<IReadOnlyList<PostRevisionView>>([]),
        Preview = body => Task.FromResult(new MarkupPreview($"<p>{body}</p>", [])),
        Suggest = prefix => Task.FromResult<IReadOnlyList<MentionSuggestion>>([]),
    };

    private static Task Do(List<string> calls, string? refuse, string call) => Do(calls, refuse, call, 0);

    private static Task<T> Do<T>(List<string> calls, string? refuse, string call, T result)
    {
        if (refuse is not null)
        {
            throw new DiscussionException(refuse);
        }

        calls.Add(call);
        return Task.FromResult(result);
    }
}
