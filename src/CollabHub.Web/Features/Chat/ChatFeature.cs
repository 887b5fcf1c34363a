using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

public static class ChatFeature
{
    public const string HubPath = "/hubs/chat";

    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section));
        services.AddSignalR(hubs => hubs.AddFilter<HubFailureLog>()).AddMessagePackProtocol();
        services.AddOptions<HubOptions<ChatHub>>().Configure<IOptions<ChatOptions>>((hub, chat) =>
        {
            hub.KeepAliveInterval = chat.Value.KeepAliveInterval;
            hub.ClientTimeoutInterval = chat.Value.ClientTimeoutInterval;
            hub.EnableDetailedErrors = false;
        });
        services.AddSingleton<IPresenceStore, InMemoryPresenceStore>();
        services.AddSingleton<LastSeenStore>();
        services.AddSingleton<ChatPresence>();
        services.AddSingleton<ChatFloodGate>();
        services.AddSingleton<ChatService>();
        services.AddScoped<IDemoSeedStep, ChatDemoSeed>();
        services.AddSingleton<ChatHubRelay>();
        services.AddSingleton<ChatMessageHtmlCache>();
        services.AddHostedService<PresenceSweeper>();
        services.AddScoped<ChatCircuitPresence>();
        services.AddScoped<ChatUnreadTracker>();
        services.AddScoped<IPersonalDataSource, ChatPersonalData>();
        services.AddScoped<CircuitHandler, ChatCircuitHandler>();
        return services;
    }

    public static WebApplication MapChat(this WebApplication app)
    {
        app.MapHub<ChatHub>(HubPath);
        return app;
    }
}
