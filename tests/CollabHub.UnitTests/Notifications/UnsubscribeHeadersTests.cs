using CollabHub.Web.Infrastructure.Email;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace CollabHub.UnitTests.Notifications;

/// <summary>Mail a member may stop carries RFC 8058 one-click headers and a visible link; other mail carries neither.</summary>
public sealed class UnsubscribeHeadersTests
{
    private static readonly EmailRenderer Renderer = new(new PublicUrls(new ConfigurationBuilder().Build()));

    [Fact]
    public void Build_WithUnsubscribeUrl_AddsListUnsubscribeAndOneClickPost()
    {
        var link = new Uri("https://hub.example/notifications/unsubscribe?token=abc");
        var rendered = Renderer.Render(new EmailContent("Subject", "Heading", ["Text"], UnsubscribeUrl: link));
        var email = new OutboxEmail { MessageId = "1@hub.example", ToAddress = "a@un.org", Subject = rendered.Subject, HtmlBody = rendered.Html, TextBody = rendered.Text, UnsubscribeUrl = link.AbsoluteUri };

        var message = OutboxMessageBuilder.Build(email, new MailboxAddress("CollabHub", "no-reply@hub.example"));

        Assert.Equal($"<{link.AbsoluteUri}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(link.AbsoluteUri, rendered.Text);
        Assert.Contains("token=abc", rendered.Html);
    }

    [Fact]
    public void Build_WithoutUnsubscribeUrl_HasNoListHeaders()
    {
        var email = new OutboxEmail { MessageId = "2@hub.example", ToAddress = "a@un.org", Subject = "Confirm", HtmlBody = "<p>x</p>", TextBody = "x" };

        var message = OutboxMessageBuilder.Build(email, new MailboxAddress("CollabHub", "no-reply@hub.example"));

        Assert.False(message.Headers.Contains("List-Unsubscribe"));
        Assert.False(message.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Fact]
    public void Render_RelativeUnsubscribeUrl_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Renderer.Render(new EmailContent("S", "H", ["T"], UnsubscribeUrl: new Uri("/x", UriKind.Relative))));
}
