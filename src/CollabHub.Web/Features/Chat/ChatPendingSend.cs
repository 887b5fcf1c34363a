namespace CollabHub.Web.Features.Chat;

/// <summary>
/// A send that passed its checks (account, channel, flood limit) and waits for its channel's writer
/// (<see cref="ChatSendBatches"/>); <see cref="Completion"/> gets the stored message once it is published.
/// </summary>
internal sealed record ChatPendingSend(string AuthorId, ChatChannelInfo Channel, string AuthorName, Guid ClientMessageId, string Body)
{
    public TaskCompletionSource<ChatMessageView> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
