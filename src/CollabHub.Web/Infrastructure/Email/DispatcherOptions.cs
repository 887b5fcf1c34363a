namespace CollabHub.Web.Infrastructure.Email;

/// <summary>The <c>Email:Dispatcher</c> section: how the background sender works through the outbox.</summary>
public sealed class DispatcherOptions
{
    /// <summary>Off on instances that should only enqueue (another instance sends).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rows claimed, and sent over one SMTP connection, per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// After mail is committed, how long the dispatcher waits for commits to stop coming before it sends; zero sends at
    /// once. Sending shares the app's CPU with the requests that queue the mail: in the registration race (1,000 people
    /// pressing "Register" within a second, each queuing a mail) the decisions come first and the mail follows.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest the dispatcher waits for commits to settle, so a steady stream of mail is still sent.</summary>
    public TimeSpan MaxSettleTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the outbox is checked when nothing signalled new mail (other instances' mail, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A mail not delivered within this age is dead-lettered: its links (confirmation, reset) have expired.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a claimed batch stays reserved for the dispatcher that claimed it. It must outlast sending the whole
    /// batch; a dispatcher that sees its lease running short hands the rest back rather than risk a double send.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
