using Microsoft.Extensions.Options;
using MimeKit;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>
/// With no SMTP host configured, each message becomes <c>&lt;message-id&gt;.eml</c> in the pickup directory (any mail
/// client opens it). Written to a temporary name and renamed, so a reader never sees half a file, and named after
/// the Message-Id, so a re-send replaces rather than duplicates.
/// </summary>
public sealed class PickupDirectoryTransport(IOptions<EmailOptions> options, IHostEnvironment environment, IConfiguration configuration) : IMailTransport
{
    public string Directory { get; } = ResolveDirectory(options.Value, environment, configuration);

    public string Description => $"pickup directory {Directory}";

    public static string ResolveDirectory(EmailOptions options, IHostEnvironment environment, IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? Path.GetFullPath(options.PickupDirectory, environment.ContentRootPath)
            : Path.Combine(AppPaths.DataRoot(environment.ContentRootPath, configuration["CollabHub:DataDirectory"]), "mail");

    public Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException($"Cannot create the pickup directory {Directory}: {ex.Message}", isPermanent: false, ex);
        }

        return Task.FromResult<IMailTransportSession>(new Session(Directory, MailboxAddress.Parse(options.Value.From)));
    }

    private sealed class Session(string directory, MailboxAddress from) : IMailTransportSession
    {
        public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
        {
            MimeMessage message;
            try
            {
                message = OutboxMessageBuilder.Build(email, from);
            }
            catch (ParseException ex)
            {
                throw SmtpMailTransport.Classify(ex);
            }

            var target = Path.Combine(directory, OutboxMessageBuilder.FileName(email.MessageId));
            var temporary = target + ".tmp";
            try
            {
                await message.WriteToAsync(temporary, cancellationToken);
                File.Move(temporary, target, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MailDeliveryException($"Cannot write {target}: {ex.Message}", isPermanent: false, ex);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
