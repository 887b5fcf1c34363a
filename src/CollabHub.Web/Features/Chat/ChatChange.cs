namespace CollabHub.Web.Features.Chat;

/// <summary>What happened to a message, in a <see cref="ChatMessageChanged"/>.</summary>
public enum ChatChange
{
    Posted,
    Edited,
    Deleted,
}
