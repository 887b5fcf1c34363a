using System.Collections.Concurrent;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>
/// A real SignalR client of <c>/hubs/chat</c> over the test server's WebSockets, signed in with a browser's cookie,
/// recording every event it receives.
/// </summary>
public sealed class ChatTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private ChatTestClient(HubConnection connection, string userId)
    {
        Connection = connection;
        UserId = userId;
        connection.On<ChatMessageView>(nameof(IChatClient.MessageReceived), m => Received.Enqueue(m));
        connection.On<ChatMessageView>(nameof(IChatClient.MessageEdited), m => Edited.Enqueue(m));
        connection.On<ChatMessageView>(nameof(IChatClient.MessageDeleted), m => Deleted.Enqueue(m));
        connection.On<ChatTyping>(nameof(IChatClient.Typing), t => Typing.Enqueue(t));
        connection.On<MemberPresence>(nameof(IChatClient.PresenceChanged), p => Presence.Enqueue(p));
        connection.On<ChatReadState>(nameof(IChatClient.ReadStateChanged), r => ReadStates.Enqueue(r));
        connection.On<Guid, string>(nameof(IChatClient.ChannelClosed), (id, _) => Closed.Enqueue(id));
        connection.Closed += _ =>
        {
            ConnectionEnded.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public string UserId { get; }

    public ConcurrentQueue<ChatMessageView> Received { get; } = new();

    public ConcurrentQueue<ChatMessageView> Edited { get; } = new();

    public ConcurrentQueue<ChatMessageView> Deleted { get; } = new();

    public ConcurrentQueue<ChatTyping> Typing { get; } = new();

    public ConcurrentQueue<MemberPresence> Presence { get; } = new();

    public ConcurrentQueue<ChatReadState> ReadStates { get; } = new();

    public ConcurrentQueue<Guid> Closed { get; } = new();

    public TaskCompletionSource ConnectionEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Connects as the browser's account. A <paramref name="silent"/> client never pings, so to the server it looks
    /// like a killed process whose socket never closed.
    /// </summary>
    public static async Task<ChatTestClient> ConnectAsync(CollabHubApp app, TestBrowser browser, bool messagePack = false, bool silent = false)
    {
        var cookie = browser.Cookies.GetCookieHeader(browser.Client.BaseAddress!);
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, ChatFeature.HubPath.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = app.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var connection = builder.Build();
        connection.KeepAliveInterval = silent ? TimeSpan.FromHours(1) : TimeSpan.FromMilliseconds(300);
        connection.ServerTimeout = TimeSpan.FromHours(2);
        var client = new ChatTestClient(connection, browser.Account.Id);
        await connection.StartAsync(TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        return client;
    }

    public Task<T> InvokeAsync<T>(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<T>(method, args, TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public Task InvokeAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync(method, args, TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public Task<ChannelJoined> JoinGroupAsync(Guid groupId) => InvokeAsync<ChannelJoined>(nameof(ChatHub.JoinGroupChannel), groupId);

    public Task<ChatMessageView> SendAsync(Guid channelId, string body, Guid? clientMessageId = null) =>
        InvokeAsync<ChatMessageView>(nameof(ChatHub.Send), channelId, clientMessageId ?? Guid.NewGuid(), body);

    /// <summary>Waits until this client received a message with <paramref name="body"/>.</summary>
    public Task WaitForMessageAsync(string body) =>
        Eventually.WaitAsync(() => Received.Any(m => m.Body == body), $"{UserId} receives \"{body}\"", Timeout);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
