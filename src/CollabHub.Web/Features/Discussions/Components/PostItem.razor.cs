using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Discussions.Components;

/// <summary>One post with what the viewer may do to it; confirmations and small forms open inside the post.</summary>
public sealed partial class PostItem
{
    private Panel panel;
    private string? hideReason;
    private IReadOnlyList<PostRevisionView>? revisions;

    private enum Panel
    {
        None,
        Delete,
        Hide,
        Flag,
        History,
    }

    [Parameter, EditorRequired]
    public PostView Post { get; set; } = default!;

    [Parameter, EditorRequired]
    public ThreadActions Actions { get; set; } = default!;

    /// <summary>The thread's address, for links to posts.</summary>
    [Parameter, EditorRequired]
    public string ThreadPath { get; set; } = "";

    [Parameter]
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Reply to this post; true to quote it.</summary>
    [Parameter]
    public EventCallback<bool> OnReply { get; set; }

    [Parameter]
    public EventCallback OnEdit { get; set; }

    /// <summary>A sentence for the thread's status line, and whether it reports a refusal.</summary>
    [Parameter]
    public EventCallback<(string Message, bool IsError)> OnNotice { get; set; }

    private void Toggle(Panel wanted) => panel = panel == wanted ? Panel.None : wanted;

    private async Task ToggleHistoryAsync()
    {
        Toggle(Panel.History);
        if (panel == Panel.History)
        {
            revisions = null;
            await RunAsync(async () => revisions = await Actions.Revisions(Post.Id), success: null, closePanel: false);
        }
    }

    private Task OnReact((string Code, bool Add) reaction) =>
        RunAsync(() => Actions.React(Post.Id, reaction.Code, reaction.Add), success: null);

    private Task DeleteAsync() => RunAsync(() => Actions.Delete(Post.Id), L["Your post was deleted."]);

    private Task HideAsync() => RunAsync(() => Actions.Hide(Post.Id, hideReason), L["The post is hidden."]);

    private Task FlagAsync((FlagReason Reason, string? Details) flag) =>
        RunAsync(() => Actions.Flag(Post.Id, flag.Reason, flag.Details), L["Thank you. The group's moderators will review the post, and you will hear what they decide."]);

    private async Task RunAsync(Func<Task> action, string? success, bool closePanel = true)
    {
        try
        {
            await action();
            if (closePanel)
            {
                panel = Panel.None;
            }

            if (success is not null)
            {
                await OnNotice.InvokeAsync((success, false));
            }
        }
        catch (DiscussionException refused)
        {
            await OnNotice.InvokeAsync((refused.Message, true));
        }
    }

    private string FlagStatusText(FlagStatus status) => status switch
    {
        FlagStatus.Open => L["You flagged this post; the moderators have not decided yet."],
        FlagStatus.Upheld => L["You flagged this post; a moderator agreed and hid it."],
        FlagStatus.Dismissed => L["You flagged this post; a moderator reviewed it and kept it."],
        _ => "",
    };
}
