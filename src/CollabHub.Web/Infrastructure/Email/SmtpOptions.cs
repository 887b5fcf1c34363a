namespace CollabHub.Web.Infrastructure.Email;

/// <summary>The <c>Email:Smtp</c> section: the relay the dispatcher hands mail to.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The limit on connecting and on each SMTP command.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
