namespace CollabHub.IntegrationTests.Events;

/// <summary>A clock the test sets: "now" for the whole app, so reminders fall due when the test says.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
