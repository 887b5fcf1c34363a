namespace CollabHub.Web.Features.Chat;

/// <summary>A chat operation that is not allowed or not valid, with one sentence to show the sender (and only them).</summary>
public sealed class ChatRefusedException(string message) : Exception(message)
{
    /// <summary>The caller's sign-in is no longer valid (suspended, signed out everywhere): their connection ends.</summary>
    public bool EndsSession { get; init; }

    /// <summary>The caller may not use the channel (any more): their connection stops receiving it.</summary>
    public bool DeniesChannel { get; init; }
}
