using System.Globalization;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// The live chat of one channel (interactive server). It listens to the same live events as the hub relay, applies
/// messages in sequence order and fills any gap from the database, so a dropped live event never loses a message.
/// Every action goes through <see cref="ChatService"/>, which re-checks the viewer's access each time.
/// </summary>
public sealed partial class ChatPanel
{
    private const int FirstPage = 50;
    private static readonly string MaxLengthText = ChatMessage.BodyMaxLength.ToString(CultureInfo.InvariantCulture);
    private readonly List<ChatMessageView> messages = [];
    private readonly List<IDisposable> subscriptions = [];
    private readonly Dictionary<string, ChatTyping> typing = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim applying = new(1, 1);
    private Dictionary<string, MemberPresence> presence = new(StringComparer.Ordinal);
    private IReadOnlyList<ChatMember> members = [];
    private DotNetObjectReference<ChatPanel>? self;
    private ChatCaller caller = default!;
    private ChatChannelInfo? channel;
    private ChatMessageView? editing;
    private string draft = "";
    private string? error;
    private string? announcement;
    private string? closedReason;
    private bool hasOlder;
    private bool attached;
    private bool started;

    // The composer takes text only once the panel is live (its circuit up and its script attached). The page is
    // prerendered, and the interactive render replaces the prerendered composer: whatever was typed into that one was
    // silently thrown away, and on a slow link (or a busy server) there was time to type a sentence before it happened.
    private bool live;
    private bool loadingOlder;
    private bool disposing;
    private bool atBottom = true;
    private int newCount;
    private DateTimeOffset lastTypingSent;

    [Inject] private ChatService Chat { get; set; } = default!;

    [Inject] private ILiveEvents Live { get; set; } = default!;

    [Inject] private ChatPresence Presence { get; set; } = default!;

    [Inject] private ChatCircuitPresence CircuitPresence { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>
    /// Text every tab of a channel renders alike (the day separators, the list's label, the composer's hint) is held
    /// once for all of them rather than once per tab (see <see cref="SharedText"/>).
    /// </summary>
    [Inject] private SharedText Shared { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ChannelId { get; set; }

    /// <summary>The viewer's IANA time zone for times and day separators (their profile's); UTC when blank or unknown.</summary>
    [Parameter] public string? TimeZoneId { get; set; }

    private TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    private long LastSeq => messages.Count == 0 ? channel?.LastSeq ?? 0 : messages[^1].Seq;

    private string? TypingText
    {
        get
        {
            var now = Clock.GetUtcNow();
            var names = typing.Values.Where(t => t.ExpiresAt > now && t.UserId != caller.UserId).Select(t => t.DisplayName).ToList();
            return names.Count == 0 ? null : string.Format(CultureInfo.CurrentCulture, L["{0} is typing…"], string.Join(", ", names));
        }
    }

    /// <summary>
    /// The channel, its history, its readers and who is here, all before the first render (see
    /// <see cref="LoadFirstComponent"/>): the prerendered messages stay on screen meanwhile.
    /// </summary>
    protected override async Task LoadAsync()
    {
        caller = ChatCaller.From((await AuthenticationState).User);
        TimeZone = MemberTimeZones.TryResolve(TimeZoneId, out var zone) && zone is not null ? zone : TimeZoneInfo.Utc;
        await RunAsync(async () =>
        {
            var found = await Chat.GetChannelAsync(caller, ChannelId);
            var latest = await Chat.HistoryAsync(caller, ChannelId, long.MaxValue, FirstPage);
            var readers = await Chat.MembersAsync(caller, ChannelId);
            var here = await Presence.GetManyAsync(readers.Select(m => m.UserId));

            // Shown all at once, as the channel is what the markup and the live part wait for. Set first, it rendered
            // whenever a later step awaited for real: a database call can finish without waiting (its reply already
            // in), so the first render could come with the channel but without its messages, and start the live part
            // then. Messages then came before the history, and loading clobbered the member's error line (seen as
            // flaky ChatPanel tests in CI).
            messages.AddRange(latest.Select(Html.Shared));
            hasOlder = latest.Count > 0 && latest[0].Seq > 1;
            var shared = Html.Readers(ChannelId, readers);
            members = shared.Members;
            mentionable = shared.Mentionable;
            mentionableKey = shared.MentionableKey;
            presence = here;
            channel = found;
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The first render comes with everything loaded (or the reason there is nothing to show: then no live part).
        if (started || channel is null)
        {
            return;
        }

        started = true;

        // Live events only once interactive: a prerender has no circuit to push to.
        var chatTopic = LiveTopics.Chat(ChannelId);
        subscriptions.Add(Live.Subscribe<ChatMessageChanged>(chatTopic, changed => InvokeAsync(() => OnChangedAsync(changed))));
        subscriptions.Add(Live.Subscribe<ChatTyping>(chatTopic, t => InvokeAsync(() => OnTyping(t))));
        subscriptions.Add(Live.Subscribe<MemberPresence>(LiveTopics.Presence, p => InvokeAsync(() => OnPresence(p))));
        subscriptions.Add(Live.Subscribe<AccountSuspended>(LiveTopics.User(caller.UserId), _ => InvokeAsync(() => Close(L["Your session has ended."]))));
        if (channel.GroupId is { } groupId)
        {
            subscriptions.Add(Live.Subscribe<GroupMembershipRemoved>(LiveTopics.Group(groupId), removed =>
                removed.UserId == caller.UserId ? InvokeAsync(() => Close(L["You are no longer a member of this group."])) : Task.CompletedTask));
        }

        await CircuitPresence.AttachAsync(caller.UserId);
        attached = true;

        // Who is here again, now that changes arrive live: anyone who came or went between loading and subscribing
        // (the viewer included, just attached) would otherwise show as they were until their next change.
        presence = await Presence.GetManyAsync(members.Select(m => m.UserId));
        await CatchUpAsync();
        await MarkReadAsync();
        // Caught-up messages on screen first, so the scroll below reaches the real end.
        StateHasChanged();
        try
        {
            self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync(Script.Attach, self);

            // Enter sends from here on, so the composer opens now.
            live = true;
            StateHasChanged();
            await JS.InvokeVoidAsync(Script.ScrollToEnd);
        }
        catch (JSDisconnectedException)
        {
            // The browser left before the panel finished starting.
        }
    }

    /// <summary>The functions of <c>wwwroot/js/chat-panel.js</c>.</summary>
    private static class Script
    {
        public const string Attach = "collabHubChat.attach";
        public const string ScrollToEnd = "collabHubChat.scrollToEnd";
    }

    [JSInvokable]
    public async Task ScrolledAsync(bool bottom)
    {
        atBottom = bottom;
        if (bottom && newCount > 0)
        {
            newCount = 0;
            await MarkReadAsync();
            StateHasChanged();
        }
    }

    /// <summary>
    /// The page before the first message shown. One load at a time: the button and the script's observer of the top
    /// can both ask while a load is under way, and a second load from the same first message put the same page in
    /// front twice (seen as "more than one sibling of element 'li' has the same key value '1'" while messages had keys).
    /// </summary>
    [JSInvokable]
    public async Task LoadOlderAsync()
    {
        if (!hasOlder || messages.Count == 0 || loadingOlder)
        {
            return;
        }

        loadingOlder = true;
        try
        {
            await RunAsync(async () =>
            {
                var older = await Chat.HistoryAsync(caller, ChannelId, messages[0].Seq, ChatService.PageSize);
                if (closedReason is null)
                {
                    messages.InsertRange(0, older.Select(Html.Shared));
                    hasOlder = older.Count > 0 && older[0].Seq > 1;
                }
            });
        }
        finally
        {
            loadingOlder = false;
        }

        StateHasChanged();
    }

    private async Task OnChangedAsync(ChatMessageChanged changed)
    {
        switch (changed.Change)
        {
            case ChatChange.Posted:
                await AppendAsync(changed.Message);
                break;
            case ChatChange.Edited:
            case ChatChange.Deleted:
                Replace(changed.Message);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(changed), changed.Change, null);
        }

        StateHasChanged();
    }

    private async Task AppendAsync(ChatMessageView message)
    {
        if (message.Seq > LastSeq + 1)
        {
            // Live events can be dropped under load; the database has every message, in order.
            await CatchUpAsync();
            FollowNew();
            return;
        }

        if (message.Seq == LastSeq + 1)
        {
            Add(message);
            FollowNew();
        }
    }

    private async Task CatchUpAsync()
    {
        await applying.WaitAsync();
        try
        {
            // Not the member's own call (a gap in live events, or the start): it leaves their error line as it was.
            await RunAsync(async () =>
            {
                IReadOnlyList<ChatMessageView> page;
                do
                {
                    page = await Chat.AfterAsync(caller, ChannelId, LastSeq, ChatService.PageSize);
                    foreach (var message in page.Where(m => m.Seq == LastSeq + 1))
                    {
                        Add(message);
                    }
                }
                while (page.Count == ChatService.PageSize);
            }, keepError: true);
        }
        finally
        {
            applying.Release();
        }
    }

    private void Add(ChatMessageView message)
    {
        messages.Add(Html.Shared(message));
        typing.Remove(message.AuthorId ?? "");
        if (message.AuthorId != caller.UserId)
        {
            announcement = $"{message.AuthorName}: {message.Body}";
            if (!atBottom)
            {
                newCount++;
            }
        }
    }

    /// <summary>
    /// A new message is rendered straight away (the caller renders next): the browser keeps a reader at the end there
    /// by itself, and the read position follows within <see cref="ChatOptions.ReadWriteInterval"/>. Marking it read
    /// (a database write) and scrolling to it (a browser round trip) used to come first, so with 100 tabs open every
    /// message waited seconds to appear (the circuits benchmark's renders: p50 7 s).
    /// </summary>
    private void FollowNew()
    {
        if (atBottom)
        {
            MarkReadSoon();
        }
    }
}
