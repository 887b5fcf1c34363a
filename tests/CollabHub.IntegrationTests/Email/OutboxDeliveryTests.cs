using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CollabHub.IntegrationTests.Email;

/// <summary>Delivery through a real SMTP server: outages, refusals, and what the mail itself looks like.</summary>
public sealed class OutboxDeliveryTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    [Fact]
    public async Task SmtpDown_MailQueuesWithGrowingAttempts_ThenEachIsDeliveredExactlyOnce()
    {
        await fixture.Smtp.StopAsync();
        IReadOnlyList<OutboxEmail> queued;
        try
        {
            queued = await fixture.EnqueueAsync(fixture.App, Enumerable.Range(1, 5)
                .Select(i => (new EmailRecipient(Unique("outage")), MailAppFixture.Simple($"Outage mail {i}"))));

            await Eventually.WaitAsync(
                async () => (await fixture.RowsAsync(queued.Select(e => e.Id))).All(e => e.Attempts >= 2),
                "every queued mail to have failed at least twice");
            var failing = await fixture.RowsAsync(queued.Select(e => e.Id));
            Assert.All(failing, e =>
            {
                Assert.NotEqual(OutboxEmailStatus.Sent, e.Status);
                Assert.NotEqual(OutboxEmailStatus.Dead, e.Status);
                Assert.Contains("connect", e.LastError, StringComparison.OrdinalIgnoreCase);
            });
        }
        finally
        {
            fixture.Smtp.Resume();
        }

        await Eventually.WaitAsync(
            async () => (await fixture.RowsAsync(queued.Select(e => e.Id))).All(e => e.Status == OutboxEmailStatus.Sent),
            "every queued mail to be sent once SMTP is back");
        foreach (var email in queued)
        {
            Assert.Single(fixture.Smtp.Received, m => m.MessageId == email.MessageId);
        }
    }

    [Fact]
    public async Task TemporaryRefusal_IsRetriedWithTheSameMessageId_UntilAccepted()
    {
        var address = Unique("busy");
        fixture.Smtp.Refuse(address, 451);
        var email = Assert.Single(await fixture.EnqueueAsync(fixture.App, [(new EmailRecipient(address), MailAppFixture.Simple("Try me later"))]));

        await Eventually.WaitAsync(async () => (await fixture.RowsAsync([email.Id]))[0].Attempts >= 2, "two refused attempts");
        var refused = (await fixture.RowsAsync([email.Id]))[0];
        Assert.NotEqual(OutboxEmailStatus.Dead, refused.Status);
        Assert.StartsWith("451", refused.LastError);
        Assert.Empty(fixture.Smtp.ReceivedBy(address));

        fixture.Smtp.Accept(address);

        await Eventually.WaitAsync(async () => (await fixture.RowsAsync([email.Id]))[0].Status == OutboxEmailStatus.Sent, "delivery after the refusals");
        var delivered = Assert.Single(fixture.Smtp.ReceivedBy(address));
        Assert.Equal(email.MessageId, delivered.MessageId);
        Assert.Null((await fixture.RowsAsync([email.Id]))[0].LastError);
    }

    [Fact]
    public async Task PermanentRefusal_IsDeadLettered_ShownToAdministrators_AndCanBeRetried()
    {
        var address = Unique("gone");
        fixture.Smtp.Refuse(address, 550);
        var email = Assert.Single(await fixture.EnqueueAsync(fixture.App, [(new EmailRecipient(address), MailAppFixture.Simple("Nobody home"))]));

        await Eventually.WaitAsync(async () => (await fixture.RowsAsync([email.Id]))[0].Status == OutboxEmailStatus.Dead, "the 550 to dead-letter the mail");
        var dead = (await fixture.RowsAsync([email.Id]))[0];
        Assert.Equal(1, dead.Attempts);
        Assert.StartsWith("550", dead.LastError);

        var admin = await TestAccounts.CreateAsync(fixture.App, "Admin", SiteRoles.Administrator);
        using var browser = await TestAccounts.SignInAsync(fixture.App, admin);
        var page = await browser.GetAsync("admin/email");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Contains(address, page.Html);
        Assert.Contains("Nobody home", page.Html);
        Assert.Contains("550", page.Html);

        fixture.Smtp.Accept(address);
        var afterRetry = await browser.SubmitFormAsync(page, "retry-dead-letter", new Dictionary<string, string> { ["RetryId"] = email.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("queued again", afterRetry.Html);
        await Eventually.WaitAsync(async () => (await fixture.RowsAsync([email.Id]))[0].Status == OutboxEmailStatus.Sent, "the retried mail to be sent");
        Assert.Equal(email.MessageId, Assert.Single(fixture.Smtp.ReceivedBy(address)).MessageId);
    }

    [Fact]
    public async Task AdminEmailPage_RefusesMembersWhoAreNotAdministrators()
    {
        var member = await TestAccounts.CreateAsync(fixture.App, "Member");
        using var browser = await TestAccounts.SignInAsync(fixture.App, member);

        var page = await browser.GetAsync("admin/email");

        Assert.Contains("Account/AccessDenied", page.Url.AbsoluteUri);
        Assert.DoesNotContain("Dead letters", page.Html);
    }

    [Fact]
    public async Task Mail_HasTextAndHtmlParts_AbsoluteLinks_AMessageId_AndEncodesUserText()
    {
        var address = Unique("reader");
        const string hostile = "<script>alert('x')</script> & Co";
        var content = new EmailContent(
            $"Welcome, {hostile}",
            $"Hello {hostile}",
            [$"{hostile} invited you to a group.", "Second paragraph."],
            new EmailAction("Open the group", new Uri("https://hub.test/groups/behavioural-science?tab=events&x=1")),
            "You can change your e-mail preferences at any time.");
        var email = Assert.Single(await fixture.EnqueueAsync(fixture.App, [(new EmailRecipient(address, hostile), content)]));

        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(address).Count > 0, "the mail to arrive");
        var mail = Assert.Single(fixture.Smtp.ReceivedBy(address));

        Assert.Equal(email.MessageId, mail.MessageId);
        Assert.Contains("@collabhub.localhost", mail.MessageId);
        Assert.Equal("no-reply@collabhub.localhost", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal(hostile, Assert.Single(mail.To.Mailboxes).Name);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));

        var html = mail.HtmlBody!;
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co invited you", html);
        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("href=\"https://hub.test/groups/behavioural-science?tab=events&amp;x=1\"", html);
        Assert.Contains(">CollabHub</td>", html);
        Assert.Contains("You received this e-mail because", html);
        Assert.DoesNotMatch("href=\"(?!https?://)", html); // every link absolute

        var text = mail.TextBody!;
        Assert.Contains($"{hostile} invited you to a group.", text); // plain text carries the words as typed
        Assert.Contains("Open the group:\nhttps://hub.test/groups/behavioural-science?tab=events&x=1\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("You can change your e-mail preferences at any time.", text);
    }

    [Fact]
    public async Task ExpiredLease_RowLeftSendingByADeadDispatcher_IsSentAgainWithItsMessageId()
    {
        var address = Unique("orphan");
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var outbox = (EmailOutbox)fixture.App.Services.GetRequiredService<IEmailOutbox>();
        var orphan = outbox.Create(new EmailRecipient(address), MailAppFixture.Simple("Left mid-send"));
        orphan.Status = OutboxEmailStatus.Sending;
        orphan.LockedUntil = DateTimeOffset.UtcNow.AddSeconds(-1);
        var leased = outbox.Create(new EmailRecipient(Unique("leased")), MailAppFixture.Simple("Still leased"));
        leased.Status = OutboxEmailStatus.Sending;
        leased.LockedUntil = DateTimeOffset.UtcNow.AddHours(1);
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.OutboxEmails.AddRange(orphan, leased);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The row is marked sent after the SMTP server has the mail, so wait for the row, not only for the mail.
        await Eventually.WaitAsync(async () => (await fixture.RowsAsync([orphan.Id]))[0].Status == OutboxEmailStatus.Sent, "the orphaned row to be re-sent");

        Assert.Equal(orphan.MessageId, Assert.Single(fixture.Smtp.ReceivedBy(address)).MessageId);
        var rows = await fixture.RowsAsync([orphan.Id, leased.Id]);
        Assert.Equal(OutboxEmailStatus.Sent, rows[0].Status);
        Assert.Equal(OutboxEmailStatus.Sending, rows[1].Status); // a live lease is never taken over
        Assert.Empty(fixture.Smtp.ReceivedBy(leased.ToAddress));
    }

    [Fact]
    public async Task MailNotDeliveredWithinItsMaximumAge_IsDeadLetteredWithoutSending()
    {
        var address = Unique("stale");
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var outbox = (EmailOutbox)fixture.App.Services.GetRequiredService<IEmailOutbox>();
        var stale = outbox.Create(new EmailRecipient(address), MailAppFixture.Simple("Too late"));
        stale.CreatedAt = DateTimeOffset.UtcNow.AddHours(-25);
        stale.ExpiresAt = stale.CreatedAt.AddDays(1);
        stale.NextAttemptAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.OutboxEmails.Add(stale);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.WaitAsync(async () => (await fixture.RowsAsync([stale.Id]))[0].Status == OutboxEmailStatus.Dead, "the stale mail to be dead-lettered");

        Assert.StartsWith("Not delivered within 24 hours", (await fixture.RowsAsync([stale.Id]))[0].LastError);
        Assert.Empty(fixture.Smtp.ReceivedBy(address));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.org";
}
