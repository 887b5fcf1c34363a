using System.Security.Claims;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CollabHub.Web.Features.Discussions.Components;

/// <summary>The live thread: loads a page through the service for the signed-in member and reloads it on each live event.</summary>
public sealed partial class ThreadView
{
    private ThreadPage? page;
    private ThreadActions? actions;
    private ClaimsPrincipal user = new();
    private readonly NewestRead reads = new();
    private IDisposable? subscription;
    private bool unavailable;
    private int? shownPage;

    [Parameter, EditorRequired]
    public string GroupSlug { get; set; } = "";

    [Parameter, EditorRequired]
    public Guid ThreadId { get; set; }

    [Parameter]
    public int? PageNumber { get; set; }

    /// <summary>Open the page holding this post (links to a post, "first unread").</summary>
    [Parameter]
    public int? PostNumber { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private DiscussionService Discussions { get; set; } = default!;

    [Inject]
    private ILiveEvents Live { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    public void Dispose() => subscription?.Dispose();

    /// <summary>
    /// Reads the page before rendering it. The thread is prerendered, and the first live render replaces what the
    /// prerender showed: rendered before the read came back (as OnParametersSetAsync does), the thread vanished until
    /// it did, which on a slow link (the whole page in one message) was a second or more of a blank thread.
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        user = (await AuthenticationState).User;
        actions ??= Bind();
        shownPage = null;
        await LoadAsync();
        await base.SetParametersAsync(ParameterView.Empty);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // After the first render only: a prerendering pass has no circuit to push updates to.
        if (firstRender && !unavailable)
        {
            subscription = Live.Subscribe<DiscussionActivity>(LiveTopics.Thread(ThreadId), _ => InvokeAsync(RefreshAsync));
        }
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>Reads the page again; a live event can start one while another runs, and only the newest is shown.</summary>
    private Task LoadAsync() => reads.RunAsync(
        () => Discussions.ReadThreadAsync(user, GroupSlug, ThreadId, shownPage ?? PageNumber, shownPage is null ? PostNumber : null),
        Show);

    private void Show(ThreadPage? loaded)
    {
        if (loaded is null)
        {
            // Removed from the group (or the thread was removed) while reading: stop listening, say so.
            unavailable = true;
            page = null;
            subscription?.Dispose();
            subscription = null;
            return;
        }

        page = loaded;
        shownPage = loaded.PageNumber;
    }

    private async Task ShowPostedAsync(PostReceipt receipt)
    {
        if (page is not null && ThreadPage.PageOf(receipt.Number) != page.PageNumber)
        {
            Navigation.NavigateTo(receipt.Path);
            return;
        }

        await LoadAsync();
    }

    private string PageUrl(int number) => page is null
        ? ""
        : number == 1 ? page.Group.ThreadPath(ThreadId) : $"{page.Group.ThreadPath(ThreadId)}?page={number}";

    private ThreadActions Bind() => new()
    {
        Reply = (body, replyTo) => Discussions.ReplyAsync(user, ThreadId, body, replyTo),
        Edit = (postId, version, body, title) => AndReloadAsync(Discussions.EditPostAsync(user, postId, version, body, title)),
        Delete = postId => AndReloadAsync(Discussions.DeletePostAsync(user, postId)),
        Hide = (postId, reason) => AndReloadAsync(Discussions.HidePostAsync(user, postId, reason)),
        Flag = (postId, reason, details) => AndReloadAsync(Discussions.FlagPostAsync(user, postId, reason, details)),
        React = (postId, code, add) => AndReloadAsync(add ? Discussions.AddReactionAsync(user, postId, code) : Discussions.RemoveReactionAsync(user, postId, code)),
        Pin = pinned => AndReloadAsync(Discussions.SetPinnedAsync(user, ThreadId, pinned)),
        Lock = locked => AndReloadAsync(Discussions.SetLockedAsync(user, ThreadId, locked)),
        Subscribe = level => AndReloadAsync(Discussions.SetSubscriptionAsync(user, ThreadId, level)),
        Revisions = postId => Discussions.GetRevisionsAsync(user, postId),
        Preview = body => Discussions.PreviewAsync(user, GroupSlug, body),
        Suggest = prefix => Discussions.SuggestMentionsAsync(user, GroupSlug, prefix),
    };

    /// <summary>The change is done (or refused, throwing): show the page as it is now.</summary>
    private async Task AndReloadAsync(Task change)
    {
        await change;
        await LoadAsync();
    }
}
