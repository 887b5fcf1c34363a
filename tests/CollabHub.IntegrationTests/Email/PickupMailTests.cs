using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace CollabHub.IntegrationTests.Email;

/// <summary>The default with no SMTP host: mail lands as .eml files, and administrators read it at /dev/mail in Development.</summary>
public sealed class PickupMailTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly string pickup = Path.Combine(Path.GetTempPath(), "collabhub-tests", $"mail-{Guid.NewGuid():N}");
    private CollabHubApp app = null!;
    private string connectionString = "";

    public async ValueTask InitializeAsync()
    {
        connectionString = await postgres.CreateDatabaseAsync(nameof(PickupMailTests));
        app = new CollabHubApp(connectionString, new Dictionary<string, string?>(MailAppFixture.FastDispatcher)
        {
            ["Email:PickupDirectory"] = pickup,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        PostgresServer.TryDelete(pickup);
    }

    [Fact]
    public async Task NoSmtpConfigured_EachMailIsWrittenAsAnEmlFileNamedAfterItsMessageId()
    {
        var address = $"pickup-{Guid.NewGuid():N}@example.org";
        var email = Assert.Single(await Enqueue(app, address, "Written to disk"));
        var file = Path.Combine(pickup, OutboxMessageBuilder.FileName(email.MessageId));

        await Eventually.WaitAsync(() => File.Exists(file), $"{file} to be written");

        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(email.MessageId, message.MessageId);
        Assert.Equal("Written to disk", message.Subject);
        Assert.Equal(address, Assert.Single(message.To.Mailboxes).Address);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.Empty(Directory.EnumerateFiles(pickup, "*.tmp"));
        await Eventually.WaitAsync(
            async () => (await RowAsync(email.Id)).Status == OutboxEmailStatus.Sent,
            "the row to be marked sent");
    }

    [Fact]
    public async Task Attachment_IsSentAsAPartOfItsOwnBesideTheBodies()
    {
        var address = $"attach-{Guid.NewGuid():N}@example.org";
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"u8.ToArray();
        var content = MailAppFixture.Simple("With an invitation") with
        {
            Attachments = [new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", ics)],
        };
        var email = Assert.Single(await MailAppFixture.EnqueueAsync(app.Services, [(new EmailRecipient(address), content)]));
        var file = Path.Combine(pickup, OutboxMessageBuilder.FileName(email.MessageId));

        await Eventually.WaitAsync(() => File.Exists(file), $"{file} to be written");

        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        var part = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("invite.ics", part.FileName);
        Assert.Equal("text/calendar", part.ContentType.MimeType);
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
        using var decoded = new MemoryStream();
        await part.Content!.DecodeToAsync(decoded, TestContext.Current.CancellationToken);
        Assert.Equal(ics, decoded.ToArray());
    }

    [Fact]
    public async Task DevMail_OutsideDevelopment_AnswersNotFound_EvenToAdministrators()
    {
        using var anonymous = new TestBrowser(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("dev/mail")).Status);

        var admin = await TestAccounts.CreateAsync(app, "Admin", SiteRoles.Administrator);
        using var browser = await TestAccounts.SignInAsync(app, admin);

        var page = await browser.GetAsync("dev/mail");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We could not find that page", page.Html);
    }

    [Fact]
    public async Task DevMail_InDevelopment_AdministratorsReadTheMail_OthersDoNot()
    {
        await using var development = app.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var address = $"devmail-{Guid.NewGuid():N}@example.org";
        var email = Assert.Single(await Enqueue(development, address, "Read me in development"));

        using (var anonymous = new TestBrowser(development))
        {
            var page = await anonymous.GetAsync("dev/mail");
            Assert.Contains("Account/Login", page.Url.AbsoluteUri);
        }

        var member = await TestAccounts.CreateAsync(development, "Member");
        using (var memberBrowser = await TestAccounts.SignInAsync(development, member))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await memberBrowser.GetAsync("dev/mail")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await memberBrowser.GetAsync($"dev/mail/{email.Id}")).Status);
        }

        var admin = await TestAccounts.CreateAsync(development, "Admin", SiteRoles.Administrator);
        using var browser = await TestAccounts.SignInAsync(development, admin);

        var list = await browser.GetAsync("dev/mail");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("Read me in development", list.Html);
        Assert.Contains(address, list.Html);
        Assert.Contains($"href=\"dev/mail/{email.Id}\"", list.Html);

        var detail = await browser.GetAsync($"dev/mail/{email.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains("<a href=\"https://hub.test/groups\" rel=\"noopener noreferrer\">https://hub.test/groups</a>", detail.Html);
        Assert.Contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"", detail.Html);
        Assert.DoesNotContain("allow-scripts", detail.Html);
        Assert.Contains("srcdoc=\"", detail.Html);
        Assert.Contains(WebUtility.HtmlEncode("<base target=\"_blank\">"), detail.Html);
        Assert.Contains(email.MessageId, detail.Html);
    }

    private static Task<IReadOnlyList<OutboxEmail>> Enqueue(WebApplicationFactory<Program> target, string address, string subject) =>
        MailAppFixture.EnqueueAsync(target.Services, [(new EmailRecipient(address), MailAppFixture.Simple(subject))]);

    private async Task<OutboxEmail> RowAsync(long id)
    {
        await using var db = CollabHub.Web.Infrastructure.Data.DesignTimeAppDbContextFactory.Create(connectionString);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OutboxEmails, e => e.Id == id);
    }
}
