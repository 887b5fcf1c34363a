namespace CollabHub.Web.Features.Chat;

/// <summary>
/// A send that passed the checks of its own text and waits for its channel's writer (<see cref="ChatSendBatches"/>),
/// which checks the caller's account, access and flood allowance for the whole batch at once; <see cref="Completion"/>
/// gets the stored message once it is published, or the refusal.
/// </summary>
internal sealed record ChatPendingSend(ChatCaller Caller, Guid ChannelId, Guid ClientMessageId, string Body)
{
    public TaskCompletionSource<ChatMessageView> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Whether the flood limit has counted this send: when a lane's shared write fails and each channel is written
    /// again on its own, the send is not counted twice.
    /// </summary>
    public bool Counted { get; set; }
}
