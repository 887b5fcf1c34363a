using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Members;
using Microsoft.Extensions.DependencyInjection;
using CollabHub.Web.Features.Notifications;

namespace CollabHub.IntegrationTests.Library;

/// <summary>Submit, review and the three decisions, each with the submitter told and the search following.</summary>
public sealed class LibraryWorkflowTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Submit_ThenApprove_AppearsInSearchAndSubmitterIsNotified()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var resource = await Data.SubmitAsync(member, LibraryTestData.Form($"Guide to {word}"));

        var beforeApproval = await Data.Search.SearchAsync(LibraryTestData.Principal(member), new LibraryQuery { Q = word }, Ct);
        var told = await Data.NotificationsAsync(moderator);
        var outcome = await Data.Service.DecideAsync(LibraryTestData.Moderator(moderator), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);
        var afterApproval = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);

        Assert.Equal(0, beforeApproval.Total);
        Assert.Contains(told, n => n.Kind == NotificationKind.ResourceSubmitted && n.Subject == $"resource:{resource.Id}");
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal([resource.Slug], afterApproval.Hits.Select(h => h.Slug));
        Assert.Contains($"<mark>{word}</mark>", afterApproval.Hits[0].TitleHtml);
        var notification = Assert.Single(await Data.NotificationsAsync(member));
        Assert.Equal(NotificationKind.ResourceApproved, notification.Kind);
        Assert.Equal(moderator.Id, notification.ActorId);
        Assert.Equal($"/library/{resource.Slug}", notification.Url);
    }

    [Fact]
    public async Task RequestChanges_SubmitterEditsAndResubmits_PendingAgainWithHistory()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var resource = await Data.SubmitAsync(member, LibraryTestData.Form("Draft toolkit"));

        var asked = await Data.Service.DecideAsync(LibraryTestData.Moderator(moderator), resource.Id, ResourceDecision.RequestChanges, "Please add the publication year.", resource.Version, Ct);
        var changed = await Data.ResourceAsync(resource.Slug);
        var form = LibraryTestData.Form("Final toolkit");
        form.Version = changed.Version;
        var saved = await Data.Service.EditAsync(LibraryTestData.Principal(member), resource.Slug, form, [], Ct);
        var resubmitted = await Data.ResourceAsync(resource.Slug);

        Assert.True(asked.Succeeded, asked.Message);
        Assert.Equal(ResourceStatus.ChangesRequested, changed.Status);
        var notice = Assert.Single(await Data.NotificationsAsync(member));
        Assert.Equal(NotificationKind.ResourceChangesRequested, notice.Kind);
        Assert.Equal("Please add the publication year.", notice.Excerpt);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        Assert.Equal(ResourceStatus.Pending, resubmitted.Status);
        Assert.Equal("Final toolkit", resubmitted.Title);
        var history = await Data.QueryAsync(db => Task.FromResult(db.LibraryResourceEvents.Where(e => e.ResourceId == resource.Id).OrderBy(e => e.At).Select(e => e.Action).ToList()));
        Assert.Equal([ResourceAction.Submitted, ResourceAction.ChangesRequested, ResourceAction.Resubmitted], history);
    }

    [Fact]
    public async Task Reject_WithReason_SubmitterIsToldWhyAndItIsNeverListed()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var resource = await Data.SubmitAsync(member, LibraryTestData.Form($"Off-topic {word}"));

        var withoutReason = await Data.Service.DecideAsync(LibraryTestData.Moderator(moderator), resource.Id, ResourceDecision.Reject, "  ", resource.Version, Ct);
        var rejected = await Data.Service.DecideAsync(LibraryTestData.Moderator(moderator), resource.Id, ResourceDecision.Reject, "Not a UN resource.", resource.Version, Ct);
        var search = await Data.Search.SearchAsync(LibraryTestData.Moderator(moderator), new LibraryQuery { Q = word }, Ct);

        Assert.False(withoutReason.Succeeded);
        Assert.Contains("reason", withoutReason.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(rejected.Succeeded, rejected.Message);
        var notice = Assert.Single(await Data.NotificationsAsync(member));
        Assert.Equal(NotificationKind.ResourceRejected, notice.Kind);
        Assert.Equal("Not a UN resource.", notice.Excerpt);
        Assert.Equal(0, search.Total);
    }

    [Fact]
    public async Task Approve_AlreadyDecided_IsRefusedAndChangesNothing()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var resource = await Data.ApprovedAsync(member, moderator, LibraryTestData.Form("Decided once"));

        var again = await Data.Service.DecideAsync(LibraryTestData.Moderator(moderator), resource.Id, ResourceDecision.Reject, "Changed my mind.", resource.Version, Ct);

        Assert.False(again.Succeeded);
        Assert.Equal("This submission has already been decided.", again.Message);
        Assert.Equal(ResourceStatus.Approved, (await Data.ResourceAsync(resource.Slug)).Status);
    }

    [Fact]
    public async Task Decide_FromAStalePage_IsRefusedSoTheFirstModeratorsDecisionStands()
    {
        var member = await Data.MemberAsync();
        var first = await Data.ModeratorAsync("First");
        var second = await Data.ModeratorAsync("Second");
        var resource = await Data.SubmitAsync(member, LibraryTestData.Form("Two moderators"));

        var approved = await Data.Service.DecideAsync(LibraryTestData.Moderator(first), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);
        var stale = await Data.Service.DecideAsync(LibraryTestData.Moderator(second), resource.Id, ResourceDecision.Feature, null, resource.Version, Ct);

        Assert.True(approved.Succeeded, approved.Message);
        Assert.False(stale.Succeeded);
        Assert.Contains("Someone else changed this resource", stale.Message, StringComparison.Ordinal);
        Assert.False((await Data.ResourceAsync(resource.Slug)).IsFeatured);
    }

    [Fact]
    public async Task Decide_ByAPlainMember_IsRefused()
    {
        var member = await Data.MemberAsync();
        var other = await Data.MemberAsync("Other");
        var resource = await Data.SubmitAsync(member, LibraryTestData.Form("Not theirs to decide"));

        var outcome = await Data.Service.DecideAsync(LibraryTestData.Principal(member), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);
        var stranger = await Data.Service.DecideAsync(LibraryTestData.Principal(other), resource.Id, ResourceDecision.Approve, null, resource.Version, Ct);

        Assert.False(outcome.Succeeded);
        Assert.True(stranger.NotFound);
        Assert.Equal(ResourceStatus.Pending, (await Data.ResourceAsync(resource.Slug)).Status);
    }

    [Fact]
    public async Task Submit_BadInput_NamesEachProblemAndSavesNothing()
    {
        var member = await Data.MemberAsync();
        var form = LibraryTestData.Form(" ", link: "javascript:alert(1)");
        form.PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        form.Sdgs = [18];

        var result = await Data.Service.SubmitAsync(LibraryTestData.Principal(member), form, [], Ct);
        var saved = await Data.QueryAsync(db => Task.FromResult(db.LibraryResources.Count(r => r.SubmitterId == member.Id)));

        Assert.False(result.Succeeded);
        Assert.Equal("Give the resource a title.", result.Errors[nameof(ResourceForm.Title)]);
        Assert.Equal("Enter a full web address starting with https:// or http://.", result.Errors[nameof(ResourceForm.LinkUrl)]);
        Assert.Equal("The publication date cannot be in the future.", result.Errors[nameof(ResourceForm.PublishedOn)]);
        Assert.Equal("Sustainable Development Goals are numbered 1 to 17.", result.Errors[nameof(ResourceForm.Sdgs)]);
        Assert.Equal(0, saved);
    }

    [Fact]
    public async Task PersonalData_ListsTheMembersSubmissions()
    {
        var member = await Data.MemberAsync();
        await Data.SubmitAsync(member, LibraryTestData.Form("Mine to download"));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "library");

        var data = System.Text.Json.JsonSerializer.Serialize(await source.CollectAsync(member.Id, Ct));

        Assert.Contains("Mine to download", data, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Pending\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_FromAStaleForm_IsRefusedAndKeepsTheOtherModeratorsChange()
    {
        var member = await Data.MemberAsync();
        var first = await Data.ModeratorAsync("First");
        var second = await Data.ModeratorAsync("Second");
        var resource = await Data.ApprovedAsync(member, first, LibraryTestData.Form("Shared title"));
        var firstForm = LibraryTestData.Form("First's title");
        firstForm.Version = resource.Version;
        var secondForm = LibraryTestData.Form("Second's title");
        secondForm.Version = resource.Version;

        var saved = await Data.Service.EditAsync(LibraryTestData.Moderator(first), resource.Slug, firstForm, [], Ct);
        var stale = await Data.Service.EditAsync(LibraryTestData.Moderator(second), resource.Slug, secondForm, [], Ct);

        Assert.True(saved.Succeeded);
        Assert.False(stale.Succeeded);
        Assert.StartsWith("Someone else changed this resource", stale.Errors[""], StringComparison.Ordinal);
        Assert.Equal("First's title", (await Data.ResourceAsync(resource.Slug)).Title);
    }
}
