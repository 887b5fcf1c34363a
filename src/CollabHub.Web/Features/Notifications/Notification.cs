using CollabHub.Web.Features.Members;

namespace CollabHub.Web.Features.Notifications;

/// <summary>A stored notification for one member (see <see cref="INotifier"/>).</summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 100;
    public const int UrlMaxLength = 500;
    public const int TitleMaxLength = 300;
    public const int ExcerptMaxLength = 300;

    public Guid Id { get; init; }

    public required string RecipientId { get; init; }

    public ApplicationUser? Recipient { get; init; }

    public NotificationKind Kind { get; init; }

    /// <summary>Who did it; null when the system did (a reminder) or the actor's account is gone.</summary>
    public string? ActorId { get; init; }

    public ApplicationUser? Actor { get; init; }

    public required string Subject { get; init; }

    public required string Url { get; init; }

    public required string Title { get; init; }

    public string? Excerpt { get; init; }

    public Guid? GroupId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    /// <summary>Builds the row for a request, trimming text to the column limits (titles come from user content).</summary>
    public static Notification From(NotificationRequest request, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RecipientId = request.RecipientId,
        Kind = request.Kind,
        ActorId = request.ActorId,
        Subject = request.Subject,
        Url = request.Url,
        Title = Clip(request.Title, TitleMaxLength),
        Excerpt = request.Excerpt is null ? null : Clip(request.Excerpt, ExcerptMaxLength),
        GroupId = request.GroupId,
        CreatedAt = now,
    };

    /// <summary><paramref name="text"/> cut to at most <paramref name="max"/> characters, an ellipsis ending what was cut.</summary>
    internal static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
