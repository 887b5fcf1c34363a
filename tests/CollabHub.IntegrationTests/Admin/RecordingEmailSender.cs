using System.Collections.Concurrent;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.IntegrationTests.Admin;

/// <summary>Keeps the confirmation links the app hands to Identity's e-mail sender, so a test can follow them.</summary>
public sealed class RecordingEmailSender : IEmailSender<ApplicationUser>
{
    public ConcurrentQueue<(string Email, string Link)> ConfirmationLinks { get; } = new();

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        ConfirmationLinks.Enqueue((email, confirmationLink));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) => Task.CompletedTask;

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) => Task.CompletedTask;
}
