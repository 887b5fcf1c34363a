namespace CollabHub.Benchmarks.Chat;

/// <summary>Which hub a fan-out run drives: the real chat, or the bare echo hub it is compared with.</summary>
public enum HubKind
{
    Chat,
    Echo,
}
