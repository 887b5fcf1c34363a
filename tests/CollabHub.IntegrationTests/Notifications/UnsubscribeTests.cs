using System.Net;
using CollabHub.IntegrationTests.Discussions;
using CollabHub.Web.Features.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>One-click unsubscribe (RFC 8058): works signed out, only with a valid link, and only for the member it was made for.</summary>
public sealed class UnsubscribeTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task OneClickPost_SignedOut_TurnsThatKindOff_ForThatMemberOnly()
    {
        var group = await Data.GroupAsync();
        var mina = await Data.MemberAsync(group, "Mina Unsub");
        var other = await Data.MemberAsync(group, "Otto Other");
        var author = await Data.MemberAsync(group, "Abe Author");
        var thread = await Data.ThreadAsync(group, author, "Mentions");
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(author), thread.ThreadId, "Hi @**Mina Unsub** and @**Otto Other**", cancellationToken: Ct);
        var mail = Assert.Single(await fixture.MailToAsync(mina));
        Assert.StartsWith("https://hub.test/", mail.UnsubscribeUrl);

        using var anonymous = fixture.App.CreateClient();
        using var response = await anonymous.PostAsync(
            new Uri(mail.UnsubscribeUrl!).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmailDelivery.Off, await DeliveryAsync(mina, NotificationKind.Mention));
        Assert.Null(await DeliveryAsync(other, NotificationKind.Mention));
        await Data.ThreadAsync(group, author, "More mentions", "Again @**Mina Unsub** and @**Otto Other**");
        Assert.Single(await fixture.MailToAsync(mina));
        Assert.Equal(2, (await fixture.MailToAsync(other)).Count);
    }

    [Fact]
    public async Task ForgedOrTamperedToken_IsRefused_AndChangesNothing()
    {
        var victim = await Data.AccountAsync("Vic Victim");
        var tokens = fixture.App.Services.GetRequiredService<UnsubscribeTokens>();
        var genuine = tokens.Create(new UnsubscribeScope(victim.Id, NotificationKind.Reply));
        var tampered = genuine[..^3] + (genuine[^3] == 'A' ? 'B' : 'A') + genuine[^2..];
        // The same payload protected for another purpose (any key holder's other tokens) is not an unsubscribe token.
        var otherPurpose = WebEncoders.Base64UrlEncode(fixture.App.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("something else").Protect(System.Text.Encoding.UTF8.GetBytes($"{victim.Id}\nReply")));
        var plain = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes($"{victim.Id}\nReply"));
        using var anonymous = fixture.App.CreateClient();

        foreach (var token in new[] { tampered, otherPurpose, plain, "" })
        {
            using var response = await anonymous.PostAsync($"/notifications/unsubscribe?token={Uri.EscapeDataString(token)}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Null(await DeliveryAsync(victim, NotificationKind.Reply));
        Assert.Equal(new UnsubscribeScope(victim.Id, NotificationKind.Reply), tokens.Read(genuine));
    }

    [Fact]
    public async Task DigestToken_TurnsOffEveryKindThatWentToTheDigest()
    {
        var member = await Data.AccountAsync("Dora Digest");
        var tokens = fixture.App.Services.GetRequiredService<UnsubscribeTokens>();
        using var anonymous = fixture.App.CreateClient();

        using var response = await anonymous.PostAsync(tokens.Link(new UnsubscribeScope(member.Id, null)).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmailDelivery.Off, await DeliveryAsync(member, NotificationKind.NewThread));
        Assert.Equal(EmailDelivery.Off, await DeliveryAsync(member, NotificationKind.JoinRequest));
        Assert.Null(await DeliveryAsync(member, NotificationKind.Mention));
    }

    private async Task<EmailDelivery?> DeliveryAsync(Web.Features.Members.ApplicationUser user, NotificationKind kind)
    {
        await using var db = await Data.ContextAsync();
        return await db.NotificationPreferences.Where(p => p.UserId == user.Id && p.Kind == kind).Select(p => (EmailDelivery?)p.Delivery).SingleOrDefaultAsync(Ct);
    }
}
