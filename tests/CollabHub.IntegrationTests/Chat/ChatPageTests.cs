using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>The chat pages answer members with the panel and everyone else with the site's 404.</summary>
public sealed class ChatPageTests(ChatAppFixture fixture) : IClassFixture<ChatAppFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task GroupChat_ForAMember_ShowsThePanelUnderTheChatTab()
    {
        using var alice = await TestAccounts.SignInNewMemberAsync(App, "Alice Page");
        var group = await ChatTestGroups.CreateAsync(App, alice.Account);
        await using (var client = await ChatTestClient.ConnectAsync(App, alice))
        {
            var channel = (await client.JoinGroupAsync(group.Id)).ChannelId;
            await client.SendAsync(channel, "Welcome to *the* chat");
        }

        var page = await alice.OpenAsync($"groups/{group.Slug}/chat");

        Assert.Contains("aria-current=\"page\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<em>the</em>", page.Html, StringComparison.Ordinal);
        Assert.Contains("At most 4,000 characters", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChat_ForANonMemberOfAPrivateGroup_IsNotFound()
    {
        using var outsider = await TestAccounts.SignInNewMemberAsync(App, "Outsider Page");
        var owner = await TestAccounts.CreateAsync(App, "Owner Page");
        var group = await ChatTestGroups.CreateAsync(App, owner);

        var page = await outsider.GetAsync($"groups/{group.Slug}/chat");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain(group.Name, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conversation_OfOtherPeople_IsNotFound_AndMessagesListsOwnChannels()
    {
        using var alice = await TestAccounts.SignInNewMemberAsync(App, "Alice List");
        using var mallory = await TestAccounts.SignInNewMemberAsync(App, "Mallory List");
        var bob = await TestAccounts.CreateAsync(App, "Bob List");
        var group = await ChatTestGroups.CreateAsync(App, GroupVisibility.Private, (alice.Account, GroupRole.Member), (bob, GroupRole.Member));
        await using var client = await ChatTestClient.ConnectAsync(App, alice);
        var direct = await client.InvokeAsync<Web.Features.Chat.ChannelJoined>(nameof(Web.Features.Chat.ChatHub.JoinDirectConversation), bob.Id);
        await client.SendAsync(direct.ChannelId, "Hi Bob");
        await client.JoinGroupAsync(group.Id);

        var list = await alice.OpenAsync("messages");
        var own = await alice.OpenAsync($"messages/{direct.ChannelId}");
        var snooped = await mallory.GetAsync($"messages/{direct.ChannelId}");

        Assert.Contains("Bob List", list.Html, StringComparison.Ordinal);
        Assert.Contains(group.Name, list.Html, StringComparison.Ordinal);
        Assert.Contains("Hi Bob", own.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, snooped.Status);
    }

    [Fact]
    public async Task ProfileMessageButton_ForAColleagueInAGroup_OpensTheConversation_AndIsHiddenForStrangers()
    {
        using var alice = await TestAccounts.SignInNewMemberAsync(App, "Alice Profile");
        var bob = await TestAccounts.CreateAsync(App, "Bob Profile");
        var stranger = await TestAccounts.CreateAsync(App, "Stranger Profile");
        await ChatTestGroups.CreateAsync(App, alice.Account, bob);

        var bobsProfile = await alice.OpenAsync($"members/{bob.Id}");
        var strangersProfile = await alice.OpenAsync($"members/{stranger.Id}");
        var ownProfile = await alice.OpenAsync($"members/{alice.Account.Id}");
        var conversation = await alice.SubmitFormAsync(bobsProfile, "message-member");
        var again = await alice.SubmitFormAsync(await alice.OpenAsync($"members/{bob.Id}"), "message-member");

        Assert.Contains("Message Bob Profile", bobsProfile.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Message Stranger", strangersProfile.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("message-member", ownProfile.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, conversation.Status);
        Assert.Matches("/messages/[0-9a-f-]{36}$", conversation.Url.AbsolutePath);
        Assert.Contains("<h1>Bob Profile</h1>", conversation.Html, StringComparison.Ordinal);
        Assert.Equal(conversation.Url, again.Url);
    }

    [Fact]
    public async Task StartConversation_FindsColleaguesByName_OnlyThoseOneMayWriteTo_AndOpensTheConversation()
    {
        using var alice = await TestAccounts.SignInNewMemberAsync(App, "Alice Finder");
        var colleague = await TestAccounts.CreateAsync(App, "Bartholomew Colleague");
        await TestAccounts.CreateAsync(App, "Bartholomew Stranger");
        var suspended = await TestAccounts.CreateAsync(App, "Bartholomew Suspended");
        var group = await ChatTestGroups.CreateAsync(App, GroupVisibility.Private,
            (alice.Account, GroupRole.Member), (colleague, GroupRole.Member), (suspended, GroupRole.Member));
        await SuspendAsync(suspended);

        var found = await alice.OpenAsync("messages?with=bartholomew");

        var buttons = found.QuerySelectorAll("form button[name='UserId']").ToList();
        Assert.Equal([colleague.Id], buttons.Select(b => b.GetAttribute("value")));
        Assert.Equal("Message Bartholomew Colleague", Words(buttons[0].TextContent));
        Assert.DoesNotContain("Stranger", found.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Suspended", found.Html, StringComparison.Ordinal);
        var none = await alice.OpenAsync("messages?with=stranger");
        Assert.Contains("Nobody by that name that you can write to.", none.Html, StringComparison.Ordinal);
        Assert.Empty(none.QuerySelectorAll("button[name='UserId']"));

        var conversation = await alice.SubmitFormAsync(found, "start-conversation", [new("UserId", buttons[0].GetAttribute("value")!)]);

        Assert.Matches("/messages/[0-9a-f-]{36}$", conversation.Url.AbsolutePath);
        Assert.Contains("<h1>Bartholomew Colleague</h1>", conversation.Html, StringComparison.Ordinal);
        // Once they have written to each other, the colleague is found even after leaving the group they shared.
        await ChatTestGroups.RemoveMemberAsync(App, group, colleague);
        var again = await alice.OpenAsync("messages?with=colleague");
        Assert.Equal([colleague.Id], again.QuerySelectorAll("form button[name='UserId']").Select(b => b.GetAttribute("value")));
    }

    private async Task SuspendAsync(Web.Features.Members.ApplicationUser member)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.Users.Where(u => u.Id == member.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow).SetProperty(u => u.SuspensionReason, "Testing"), TestContext.Current.CancellationToken);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
