using System.Text.Json;
using CollabHub.IntegrationTests.Discussions;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>Notifications and e-mail choices are in the member's data download and go with the account; unconfirmed accounts get no mail.</summary>
public sealed class NotificationPersonalDataTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Download_HoldsNotificationsAndChoices_DeletingTheAccountRemovesThem()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Data Owner");
        var author = await Data.MemberAsync(group, "Data Author");
        await Data.ThreadAsync(group, author, "Exported thread", "Hi @**Data Owner**");
        await fixture.App.Services.GetRequiredService<NotificationPreferencesService>().SaveAsync(
            member.Id, new Dictionary<NotificationKind, EmailDelivery> { [NotificationKind.Reply] = EmailDelivery.Digest }, new Dictionary<Guid, bool> { [group.Id] = false }, Ct);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "notifications");
            var json = JsonSerializer.Serialize(await source.CollectAsync(member.Id, Ct));
            Assert.Contains("\"title\":\"Exported thread\"", json);
            Assert.Contains("\"kind\":\"Reply\",\"email\":\"Digest\"", json);
            Assert.Contains("\"newThreads\":false", json);
            Assert.Null(await source.CollectAsync((await Data.AccountAsync("Nothing Here")).Id, Ct));

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(member.Id))!)).Succeeded);
        }

        await using var db = await Data.ContextAsync();
        Assert.False(await db.Notifications.AnyAsync(n => n.RecipientId == member.Id, Ct));
        Assert.False(await db.NotificationPreferences.AnyAsync(p => p.UserId == member.Id, Ct));
    }

    [Fact]
    public async Task Mention_OfUnconfirmedAccount_IsNotifiedInAppButNotMailed()
    {
        var group = await Data.GroupAsync();
        var unconfirmed = await Data.MemberAsync(group, "Not Confirmed");
        var author = await Data.MemberAsync(group, "Mail Author");
        await using (var db = await Data.ContextAsync())
        {
            await db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false), Ct);
        }

        await Data.ThreadAsync(group, author, "Unconfirmed", "Hi @**Not Confirmed**");

        Assert.Equal(NotificationKind.Mention, Assert.Single(await fixture.StoredAsync(unconfirmed)).Kind);
        Assert.Empty(await fixture.MailToAsync(unconfirmed));
    }
}
