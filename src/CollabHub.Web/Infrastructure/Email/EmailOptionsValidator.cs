using Microsoft.Extensions.Options;
using MimeKit;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>Stops start-up with one clear sentence per mistake, naming the setting as an operator would type it.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"Email:From must be an address such as \"{EmailOptions.DefaultFrom}\"; it is \"{options.From}\".");
        }

        var smtp = options.Smtp;
        if (options.UsesSmtp)
        {
            if (smtp.Port is < 1 or > 65535)
            {
                errors.Add($"Email:Smtp:Port must be between 1 and 65535; it is {smtp.Port}.");
            }

            if (!Enum.IsDefined(smtp.TlsMode))
            {
                errors.Add("Email:Smtp:TlsMode must be one of Auto, None, StartTls or SslOnConnect.");
            }

            if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add("Email:Smtp:UserName and Email:Smtp:Password must be set together (or neither, for a relay without authentication).");
            }
        }

        if (smtp.TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"Email:Smtp:TimeoutSeconds must be between 1 and 600; it is {smtp.TimeoutSeconds}.");
        }

        var dispatcher = options.Dispatcher;
        if (dispatcher.BatchSize is < 1 or > 500)
        {
            errors.Add($"Email:Dispatcher:BatchSize must be between 1 and 500; it is {dispatcher.BatchSize}.");
        }

        if (dispatcher.PollInterval < TimeSpan.FromMilliseconds(50) || dispatcher.PollInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"Email:Dispatcher:PollInterval must be between 00:00:00.05 and 01:00:00; it is {dispatcher.PollInterval}.");
        }

        if (dispatcher.RetryDelay <= TimeSpan.Zero || dispatcher.MaxRetryDelay < dispatcher.RetryDelay)
        {
            errors.Add($"Email:Dispatcher:RetryDelay must be positive and at most Email:Dispatcher:MaxRetryDelay; they are {dispatcher.RetryDelay} and {dispatcher.MaxRetryDelay}.");
        }

        if (dispatcher.MaxAge < TimeSpan.FromMinutes(1))
        {
            errors.Add($"Email:Dispatcher:MaxAge must be at least a minute; it is {dispatcher.MaxAge}.");
        }

        // Each message may take a connect and a command timeout; a lease shorter than that would invite double sends.
        var minimumLease = TimeSpan.FromSeconds(smtp.TimeoutSeconds * 3);
        if (dispatcher.Lease < minimumLease)
        {
            errors.Add($"Email:Dispatcher:Lease must be at least three SMTP timeouts ({minimumLease}); it is {dispatcher.Lease}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
