namespace CollabHub.Web.Features.Chat;

public enum PresenceState
{
    Offline,
    Online,
    Idle,
}
