namespace CollabHub.Web.Infrastructure.Email;

/// <summary>How the SMTP connection is secured (<c>Email:Smtp:TlsMode</c>).</summary>
public enum SmtpTlsMode
{
    /// <summary>TLS on port 465, else STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>Plain text; only for a catcher on the same host or network (Mailpit).</summary>
    None,

    /// <summary>STARTTLS is required; the connection fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
