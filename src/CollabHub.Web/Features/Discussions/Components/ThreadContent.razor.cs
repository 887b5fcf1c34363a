using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Discussions.Components;

/// <summary>
/// A page of a thread and everything a reader does there. It holds only UI state (drafts, which post is being
/// edited); data comes in through <see cref="Page"/> and changes go out through <see cref="Actions"/>.
/// </summary>
public sealed partial class ThreadContent
{
    /// <summary>How much of a post a quote-reply copies; the "in reply to" link leads to the rest.</summary>
    public const int QuoteMaxLength = 1000;

    private string replyDraft = "";
    private PostView? replyTo;
    private EditState? editing;
    private string? notice;
    private bool noticeIsError;
    private bool posting;
    private PostEditor? replyEditor;

    [Parameter, EditorRequired]
    public ThreadPage Page { get; set; } = default!;

    [Parameter, EditorRequired]
    public ThreadActions Actions { get; set; } = default!;

    /// <summary>The link to another page of the thread.</summary>
    [Parameter, EditorRequired]
    public Func<int, string> PageUrl { get; set; } = default!;

    /// <summary>A reply was posted; the host shows the page it landed on.</summary>
    [Parameter]
    public EventCallback<PostReceipt> OnPosted { get; set; }

    /// <summary>The Markdown that quotes a post: its author, then its text as a block quote.</summary>
    public static string Quote(PostView post)
    {
        var text = (post.Markdown ?? "").Trim();
        if (text.Length > QuoteMaxLength)
        {
            text = text[..QuoteMaxLength].TrimEnd() + " …";
        }

        var lines = text.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line);
        return $"> **{post.Author.Name}** wrote (#{post.Number}):\n>\n{string.Join('\n', lines)}\n\n";
    }

    private string Pressed(SubscriptionLevel? level) => Page.Subscription == level ? "true" : "false";

    private void Notice((string Message, bool IsError) value)
    {
        notice = value.Message;
        noticeIsError = value.IsError;
    }

    private async Task StartReplyAsync(PostView post, bool quote)
    {
        replyTo = post;
        if (quote)
        {
            replyDraft = Quote(post) + replyDraft;
        }

        if (replyEditor is not null)
        {
            await replyEditor.FocusAsync();
        }
    }

    private void StartEdit(PostView post) =>
        editing = new EditState(post.Id, post.Version, post.Markdown ?? "", post.Number == 1 ? Page.Title : null);

    private async Task ReplyAsync()
    {
        posting = true;
        try
        {
            var receipt = await Actions.Reply(replyDraft, replyTo?.Id);
            replyDraft = "";
            replyTo = null;
            Notice((L["Your reply is posted."], false));
            await OnPosted.InvokeAsync(receipt);
        }
        catch (DiscussionException refused)
        {
            Notice((refused.Message, true));
        }
        finally
        {
            posting = false;
        }
    }

    private async Task SaveEditAsync()
    {
        if (editing is null)
        {
            return;
        }

        if (await TryAsync(() => Actions.Edit(editing.PostId, editing.Version, editing.Body, editing.Title), L["Your changes are saved."]))
        {
            editing = null;
        }
    }

    private Task SubscribeAsync(SubscriptionLevel? level) => TryAsync(() => Actions.Subscribe(level), level switch
    {
        SubscriptionLevel.Following => L["You follow this thread."],
        SubscriptionLevel.Muted => L["You muted this thread."],
        _ => L["You get this thread's notifications as usual."],
    });

    private Task TogglePinAsync() => TryAsync(() => Actions.Pin(!Page.IsPinned), Page.IsPinned ? L["The thread is unpinned."] : L["The thread is pinned."]);

    private Task ToggleLockAsync() => TryAsync(() => Actions.Lock(!Page.IsLocked), Page.IsLocked ? L["The thread is unlocked."] : L["The thread is locked."]);

    private async Task<bool> TryAsync(Func<Task> action, string success)
    {
        try
        {
            await action();
            Notice((success, false));
            return true;
        }
        catch (DiscussionException refused)
        {
            Notice((refused.Message, true));
            return false;
        }
    }

    private sealed class EditState(Guid postId, int version, string body, string? title)
    {
        public Guid PostId { get; } = postId;

        public int Version { get; } = version;

        public string Body { get; set; } = body;

        public string? Title { get; set; } = title;
    }
}
