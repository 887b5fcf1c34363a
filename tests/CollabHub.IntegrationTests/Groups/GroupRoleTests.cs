using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>Roles and the rule that a group always keeps an owner, checked in the database transaction.</summary>
public sealed class GroupRoleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Leave_LastOwner_IsRefusedUntilSomeoneElseIsOwner()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Sole");
        var deputy = await TestAccounts.CreateAsync(fixture.App, "Deputy");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, deputy);

        var refused = await ActAsync(owner, (s, v) => s.LeaveAsync(v, slug));
        Assert.Equal(GroupOutcomeKind.Refused, refused.Kind);
        Assert.Equal(Group.LastOwnerMessage, refused.Message);
        Assert.Equal(GroupRole.Owner, await GroupTestData.RoleAsync(fixture.App, slug, owner));

        Assert.True((await ActAsync(owner, (s, v) => s.ChangeRoleAsync(v, slug, deputy.Id, GroupRole.Owner))).Succeeded);
        var left = await ActAsync(owner, (s, v) => s.LeaveAsync(v, slug));

        Assert.True(left.Succeeded, left.Message);
        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, owner));
        Assert.Equal(1, (await GroupTestData.GroupAsync(fixture.App, slug)).MemberCount);
    }

    [Fact]
    public async Task Leave_LastOwnerThroughThePage_ShowsTheRuleAndStays()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Anchor");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var page = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}"), $"groups/{slug}/leave");

        Assert.Equal($"Error: {Group.LastOwnerMessage}", page.StatusMessage());
        Assert.Contains("You are an owner of this group.", page.MainText());
    }

    [Fact]
    public async Task Leave_TwoOwnersAtTheSameMoment_OneOfThemStays()
    {
        // Several groups at once make the race likely; the group's row lock must make it impossible.
        var pairs = new List<(string Slug, ApplicationUser A, ApplicationUser B)>();
        for (var i = 0; i < 6; i++)
        {
            var a = await TestAccounts.CreateAsync(fixture.App, "Twin");
            var b = await TestAccounts.CreateAsync(fixture.App, "Twin");
            var slug = await GroupTestData.CreateAsync(fixture.App, a);
            await GroupTestData.AddMemberAsync(fixture.App, slug, b, GroupRole.Owner);
            pairs.Add((slug, a, b));
        }

        var outcomes = await Task.WhenAll(pairs.SelectMany(p => new[]
        {
            Task.Run(() => ActAsync(p.A, (s, v) => s.LeaveAsync(v, p.Slug))),
            Task.Run(() => ActAsync(p.B, (s, v) => s.LeaveAsync(v, p.Slug))),
        }));

        Assert.Equal(pairs.Count, outcomes.Count(o => o.Succeeded));
        foreach (var (slug, _, _) in pairs)
        {
            var owners = await GroupTestData.QueryAsync(fixture.App, db => Task.FromResult(
                db.GroupMemberships.Count(m => m.Role == GroupRole.Owner && db.Groups.Any(g => g.Id == m.GroupId && g.Slug == slug))));
            Assert.Equal(1, owners);
            Assert.Equal(1, (await GroupTestData.GroupAsync(fixture.App, slug)).MemberCount);
        }
    }

    [Fact]
    public async Task Demote_LastOwner_IsRefused_EvenBySiteAdministrators()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Lone");
        var admin = await TestAccounts.CreateAsync(fixture.App, "Siteadmin", SiteRoles.Administrator);
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);

        var self = await ActAsync(owner, (s, v) => s.ChangeRoleAsync(v, slug, owner.Id, GroupRole.Member));
        var byAdmin = await ActAsync(admin, (s, v) => s.ChangeRoleAsync(v, slug, owner.Id, GroupRole.Moderator), administrator: true);
        var removed = await ActAsync(admin, (s, v) => s.RemoveAsync(v, slug, owner.Id), administrator: true);

        Assert.All([self, byAdmin, removed], o => Assert.Equal(Group.LastOwnerMessage, o.Message));
        Assert.Equal(GroupRole.Owner, await GroupTestData.RoleAsync(fixture.App, slug, owner));
    }

    [Fact]
    public async Task Moderator_ManagesMembersOnly_WhileOwnersManageModeratorsAndOwners()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Boss");
        var moderator = await TestAccounts.CreateAsync(fixture.App, "Mod");
        var otherModerator = await TestAccounts.CreateAsync(fixture.App, "Othermod");
        var member = await TestAccounts.CreateAsync(fixture.App, "Plain");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, moderator, GroupRole.Moderator);
        await GroupTestData.AddMemberAsync(fixture.App, slug, otherModerator, GroupRole.Moderator);
        await GroupTestData.AddMemberAsync(fixture.App, slug, member);

        var promote = await ActAsync(moderator, (s, v) => s.ChangeRoleAsync(v, slug, member.Id, GroupRole.Moderator));
        var removeModerator = await ActAsync(moderator, (s, v) => s.RemoveAsync(v, slug, otherModerator.Id));
        var banOwner = await ActAsync(moderator, (s, v) => s.BanAsync(v, slug, owner.Id, "Coup."));
        var memberActs = await ActAsync(member, (s, v) => s.RemoveAsync(v, slug, moderator.Id));
        Assert.Equal("Only the group's owners can promote or demote members.", promote.Message);
        Assert.Equal("Only the group's owners can remove or ban its moderators and owners.", removeModerator.Message);
        Assert.Equal("Only the group's owners can remove or ban its moderators and owners.", banOwner.Message);
        Assert.Equal(GroupMembershipService.ModeratorsOnlyMessage, memberActs.Message);
        Assert.Equal(GroupRole.Member, await GroupTestData.RoleAsync(fixture.App, slug, member));

        Assert.True((await ActAsync(moderator, (s, v) => s.RemoveAsync(v, slug, member.Id))).Succeeded);
        Assert.True((await ActAsync(owner, (s, v) => s.ChangeRoleAsync(v, slug, otherModerator.Id, GroupRole.Owner))).Succeeded);
        Assert.True((await ActAsync(owner, (s, v) => s.ChangeRoleAsync(v, slug, moderator.Id, GroupRole.Member))).Succeeded);

        Assert.Null(await GroupTestData.RoleAsync(fixture.App, slug, member));
        Assert.Equal(GroupRole.Owner, await GroupTestData.RoleAsync(fixture.App, slug, otherModerator));
        Assert.Equal(GroupRole.Member, await GroupTestData.RoleAsync(fixture.App, slug, moderator));
        Assert.Equal(3, (await GroupTestData.GroupAsync(fixture.App, slug)).MemberCount);
    }

    [Fact]
    public async Task RoleChange_ThroughTheMembersPage_IsAudited()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Promoter");
        var member = await TestAccounts.CreateAsync(fixture.App, "Promoted");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, member);
        using var browser = await TestAccounts.SignInAsync(fixture.App, owner);

        var page = await browser.PostActionAsync(await browser.GetAsync($"groups/{slug}/members"), $"groups/{slug}/members/{member.Id}/role",
            new Dictionary<string, string> { ["role"] = "Moderator" });

        Assert.Equal("Promoted is now a moderator.", page.StatusMessage());
        Assert.Contains("Moderator", page.Document.QuerySelector(".group-role--moderator")!.TextContent);
        var entry = await GroupTestData.QueryAsync(fixture.App, db => Task.FromResult(db.AuditLog.Single(e => e.SubjectUserId == member.Id)));
        Assert.Equal("group.role", entry.Action);
        Assert.Contains("Member → Moderator", entry.Details);
        Assert.Equal(owner.Id, entry.ActorUserId);
    }

    [Fact]
    public async Task Removal_TellsTheGroupsLivePartsAfterCommit_WhileARefusalTellsThemNothing()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Live");
        var member = await TestAccounts.CreateAsync(fixture.App, "Watched");
        var slug = await GroupTestData.CreateAsync(fixture.App, owner);
        await GroupTestData.AddMemberAsync(fixture.App, slug, member);
        var group = await GroupTestData.GroupAsync(fixture.App, slug);
        var heard = new System.Collections.Concurrent.ConcurrentQueue<GroupMembershipRemoved>();
        using var subscription = fixture.App.Services.GetRequiredService<ILiveEvents>()
            .Subscribe<GroupMembershipRemoved>(LiveTopics.Group(group.Id), removed =>
            {
                heard.Enqueue(removed);
                return Task.CompletedTask;
            });

        var refused = await ActAsync(owner, (s, v) => s.LeaveAsync(v, slug));
        var removed = await ActAsync(owner, (s, v) => s.RemoveAsync(v, slug, member.Id));

        Assert.False(refused.Succeeded);
        Assert.True(removed.Succeeded, removed.Message);
        await Eventually.WaitAsync(() => !heard.IsEmpty, "the removal to reach the group's live topic");
        Assert.Equal(new GroupMembershipRemoved(group.Id, member.Id), Assert.Single(heard));
    }

    private async Task<GroupOutcome> ActAsync(ApplicationUser actor, Func<GroupMembershipService, GroupViewer, Task<GroupOutcome>> act, bool administrator = false) =>
        await GroupTestData.UseAsync<GroupMembershipService, GroupOutcome>(fixture.App, s => act(s, GroupTestData.Viewer(actor, administrator)));
}
