using System.Globalization;

namespace CollabHub.Web.Infrastructure.Live;

/// <summary>The topic names every feature agrees on, so a publisher and a subscriber cannot spell one differently.</summary>
public static class LiveTopics
{
    public static string Group(Guid groupId) => string.Create(CultureInfo.InvariantCulture, $"group:{groupId:D}");

    public static string Thread(Guid threadId) => string.Create(CultureInfo.InvariantCulture, $"thread:{threadId:D}");

    public static string Event(Guid eventId) => string.Create(CultureInfo.InvariantCulture, $"event:{eventId:D}");

    public static string User(string userId) => $"user:{userId}";
}
