using CollabHub.IntegrationTests.Events;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Members;

/// <summary>
/// Deleting an account lets go of what it held the way the member would have: groups count one member fewer, a freed
/// seat goes to the first person waiting. A group's only owner must hand it over first.
/// </summary>
public sealed class AccountDeletionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string DeletePage = "/Account/Manage/DeletePersonalData";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_LeavesGroupsAndFreesTheSeat_SoCountsAndTheWaitlistStayTrue()
    {
        var leaving = await TestAccounts.CreateAsync(fixture.App, "Leaving");
        var owner = await TestAccounts.CreateAsync(fixture.App, "Owner");
        var waiting = await TestAccounts.CreateAsync(fixture.App, "Waiting");
        var group = await TestGroups.CreateAsync(fixture.App, GroupVisibility.Public, "Nudge unit", (owner, GroupRole.Owner), (leaving, GroupRole.Moderator), (waiting, GroupRole.Member));
        var ev = await TestEvents.CreateAsync(fixture.App, 1, group.Id);
        var registrations = TestEvents.Registrations(fixture.App);
        Assert.StartsWith("You're registered", (await registrations.RegisterAsync(TestEvents.Viewer(leaving), ev.Slug, Ct)).Message, StringComparison.Ordinal);
        Assert.Contains("waitlist", (await registrations.RegisterAsync(TestEvents.Viewer(waiting), ev.Slug, Ct)).Message, StringComparison.Ordinal);

        using var browser = new TestBrowser(fixture.App);
        await browser.SignInAsync(leaving.Email!, TestAccounts.Password);
        await browser.SubmitFormAsync(DeletePage, "delete-user", new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password });

        await using var db = await ContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Id == leaving.Id, Ct));
        Assert.Equal(2, (await db.Groups.SingleAsync(g => g.Id == group.Id, Ct)).MemberCount);
        var after = await TestEvents.ReloadAsync(fixture.App, ev);
        Assert.Equal((1, 0), (after.ConfirmedCount, after.WaitlistCount));
        Assert.Equal(RegistrationStatus.Confirmed, (await db.EventRegistrations.SingleAsync(r => r.EventId == ev.Id && r.UserId == waiting.Id, Ct)).Status);
        Assert.Contains(await TestEvents.MailSubjectsAsync(fixture.App, waiting), s => s.StartsWith("A seat freed up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_AsTheOnlyOwnerOfAGroup_IsRefusedNamingTheGroup_AndNothingChanges()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Sole owner");
        var member = await TestAccounts.CreateAsync(fixture.App, "Member");
        var other = await TestGroups.CreateAsync(fixture.App, GroupVisibility.Public, "Reading circle", (owner, GroupRole.Member), (member, GroupRole.Owner));
        var owned = await TestGroups.CreateAsync(fixture.App, GroupVisibility.Private, "Field notes", (owner, GroupRole.Owner), (member, GroupRole.Member));

        using var browser = new TestBrowser(fixture.App);
        await browser.SignInAsync(owner.Email!, TestAccounts.Password);
        var page = await browser.SubmitFormAsync(DeletePage, "delete-user", new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password });

        Assert.Contains("You are the only owner of Field notes", page.Html);
        await using var db = await ContextAsync();
        Assert.True(await db.Users.AnyAsync(u => u.Id == owner.Id, Ct));
        Assert.Equal(2, await db.GroupMemberships.CountAsync(m => m.UserId == owner.Id, Ct));
        Assert.Equal(2, (await db.Groups.SingleAsync(g => g.Id == other.Id, Ct)).MemberCount);
        Assert.Equal(2, (await db.Groups.SingleAsync(g => g.Id == owned.Id, Ct)).MemberCount);
    }

    private Task<AppDbContext> ContextAsync() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
