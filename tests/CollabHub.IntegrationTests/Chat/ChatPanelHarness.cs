using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Components.Layout;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>A group of two (Amina and Ben) with its channel, and what the panel tests do to it through the real service.</summary>
public sealed class ChatPanelHarness
{
    private readonly CollabHubApp app;

    private ChatPanelHarness(CollabHubApp app, ApplicationUser amina, ApplicationUser ben, Guid channelId) =>
        (this.app, Amina, Ben, ChannelId) = (app, amina, ben, channelId);

    public ApplicationUser Amina { get; }

    public ApplicationUser Ben { get; }

    public Guid ChannelId { get; }

    private ChatService Chat => app.Services.GetRequiredService<ChatService>();

    /// <summary>The app's own chat singletons, so the panel shares live events and presence with the service.</summary>
    public static void AddChatServices(IServiceCollection services, CollabHubApp app)
    {
        services.AddLocalization();
        services.AddSingleton(app.Services.GetRequiredService<ChatService>());
        services.AddSingleton(app.Services.GetRequiredService<ILiveEvents>());
        services.AddSingleton(app.Services.GetRequiredService<ChatPresence>());
        services.AddSingleton(app.Services.GetRequiredService<PostMarkup>());
        services.AddSingleton(app.Services.GetRequiredService<ChatMessageHtmlCache>());
        services.AddSingleton(app.Services.GetRequiredService<SharedText>());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ChatCircuitPresence>();
        services.AddScoped<ChatUnreadTracker>();
        services.AddScoped(_ => ActivatorUtilities.CreateInstance<ShellCountsService>(app.Services));
    }

    public static async Task<ChatPanelHarness> RoomAsync(CollabHubApp app)
    {
        var amina = await TestAccounts.CreateAsync(app, $"Amina {Guid.NewGuid():N}"[..14]);
        var ben = await TestAccounts.CreateAsync(app, $"Ben {Guid.NewGuid():N}"[..12]);
        var group = await ChatTestGroups.CreateAsync(app, amina, ben);
        var channel = await app.Services.GetRequiredService<ChatService>().OpenGroupChannelAsync(Caller(amina), group.Id, TestContext.Current.CancellationToken);
        return new ChatPanelHarness(app, amina, ben, channel.ChannelId);
    }

    public Task<ChatMessageView> SendAsync(ApplicationUser author, string body) =>
        Chat.SendAsync(Caller(author), ChannelId, Guid.NewGuid(), body, TestContext.Current.CancellationToken);

    /// <summary>Messages at chosen times (the service stamps "now"), numbered as the service numbers them.</summary>
    public async Task SeedAsync(params (ApplicationUser Author, DateTimeOffset At, string Body)[] messages)
    {
        await using var db = await ContextAsync();
        var seq = await db.ChatChannels.Where(c => c.Id == ChannelId).Select(c => c.LastSeq).SingleAsync(TestContext.Current.CancellationToken);
        foreach (var (author, at, body) in messages)
        {
            db.ChatMessages.Add(new ChatMessage { ChannelId = ChannelId, Seq = ++seq, ClientMessageId = Guid.NewGuid(), AuthorId = author.Id, Body = body, CreatedAt = at });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await db.ChatChannels.Where(c => c.Id == ChannelId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeq, seq), TestContext.Current.CancellationToken);
    }

    public Task<ChatChannelInfo> ChannelAsync(ApplicationUser member) =>
        Chat.GetChannelAsync(Caller(member), ChannelId, TestContext.Current.CancellationToken);

    public async Task<long> UnreadAsync(ApplicationUser member) =>
        (await Chat.ChannelsAsync(Caller(member), TestContext.Current.CancellationToken)).Single(c => c.ChannelId == ChannelId).Unread;

    public async Task<long> LastSeqAsync()
    {
        await using var db = await ContextAsync();
        return await db.ChatChannels.Where(c => c.Id == ChannelId).Select(c => c.LastSeq).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Suspends the member in the database alone, without the live event, so a panel learns of it from its next call.</summary>
    public async Task SuspendQuietlyAsync(ApplicationUser member)
    {
        await using var db = await ContextAsync();
        await db.Users.Where(u => u.Id == member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow).SetProperty(u => u.SuspensionReason, "Testing"), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Holds every read and write of chat messages until disposed (a table lock in an open transaction), so a test
    /// sees a panel while its messages are loading.
    /// </summary>
    public async Task<IAsyncDisposable> HoldMessagesAsync()
    {
        var db = await ContextAsync();
        await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE chat_messages IN ACCESS EXCLUSIVE MODE", TestContext.Current.CancellationToken);
        return db;
    }

    /// <summary>Waits until a statement waits for the lock of <see cref="HoldMessagesAsync"/>.</summary>
    public async Task WaitUntilMessagesAreAwaitedAsync()
    {
        await using var db = await ContextAsync();
        await Eventually.WaitAsync(
            async () => await db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted AND relation = 'chat_messages'::regclass")
                .SingleAsync(TestContext.Current.CancellationToken) > 0,
            "a statement waits to read chat messages",
            ChatTestClient.Timeout);
    }

    public static ChatCaller Caller(ApplicationUser user) => new(user.Id, false, null);

    private Task<AppDbContext> ContextAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
