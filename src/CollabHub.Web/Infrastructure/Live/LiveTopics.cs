using System.Globalization;

namespace CollabHub.Web.Infrastructure.Live;

/// <summary>The topic names every feature agrees on, so a publisher and a subscriber cannot spell one differently.</summary>
public static class LiveTopics
{
    public static string Group(Guid groupId) => string.Create(CultureInfo.InvariantCulture, $"group:{groupId:D}");

    public static string Thread(Guid threadId) => string.Create(CultureInfo.InvariantCulture, $"thread:{threadId:D}");

    public static string Event(Guid eventId) => string.Create(CultureInfo.InvariantCulture, $"event:{eventId:D}");

    /// <summary>One appeal's endorsement counts.</summary>
    public static string Appeal(Guid appealId) => string.Create(CultureInfo.InvariantCulture, $"appeal:{appealId:D}");

    public static string User(string userId) => $"user:{userId}";

    /// <summary>One chat channel's messages and typing (a group's channel or a direct conversation).</summary>
    public static string Chat(Guid channelId) => string.Create(CultureInfo.InvariantCulture, $"chat:{channelId:D}");

    /// <summary>Every member's presence changes (online, idle, offline): few, and each listener filters.</summary>
    public const string Presence = "presence";
}
