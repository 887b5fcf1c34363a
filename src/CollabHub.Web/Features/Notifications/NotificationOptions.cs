namespace CollabHub.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Off on instances that should not send digests (another instance does; tests drive it themselves).</summary>
    public bool DigestEnabled { get; set; } = true;

    /// <summary>How often due digests are looked for; "about 08:00" means within this of it.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(5);
}
