namespace CollabHub.Web.Infrastructure.Email;

/// <summary>The <c>Email</c> configuration section. Checked at start-up by <see cref="EmailOptionsValidator"/>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public const string DefaultFrom = "CollabHub <no-reply@collabhub.localhost>";

    /// <summary>The sender, as <c>Display Name &lt;address&gt;</c> or a bare address.</summary>
    public string From { get; set; } = DefaultFrom;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where mail is written as <c>.eml</c> files when no SMTP host is set; default <c>.data/mail/</c>.</summary>
    public string? PickupDirectory { get; set; }

    public DispatcherOptions Dispatcher { get; set; } = new();

    /// <summary>SMTP is used when a host is configured; otherwise mail goes to the pickup directory.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
