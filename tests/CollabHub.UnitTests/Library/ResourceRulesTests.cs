using CollabHub.Web.Features.Library;

namespace CollabHub.UnitTests.Library;

/// <summary>The curation rules on <see cref="Resource"/>, one test per rule.</summary>
public sealed class ResourceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Submit_NewResource_IsPendingWithItsStepRecorded()
    {
        var resource = Pending();

        Assert.Equal(ResourceStatus.Pending, resource.Status);
        Assert.Equal(ResourceAction.Submitted, Assert.Single(resource.History).Action);
        Assert.Equal("english", resource.SearchConfig);
    }

    [Fact]
    public void Approve_Pending_PublishesAndClearsTheNote()
    {
        var resource = Pending();
        resource.RequestChanges("mod", "Add the year.", Now);
        resource.Edit(Details("Fixed"), "submitter", asModerator: false, Now);

        resource.Approve("mod", Now);

        Assert.Equal(ResourceStatus.Approved, resource.Status);
        Assert.Null(resource.ModeratorNote);
        Assert.Equal(Now, resource.ApprovedAt);
    }

    [Theory]
    [InlineData(ResourceDecision.Approve)]
    [InlineData(ResourceDecision.Reject)]
    [InlineData(ResourceDecision.RequestChanges)]
    public void Decide_AlreadyDecided_IsRefused(ResourceDecision second)
    {
        var resource = Pending();
        resource.Approve("mod", Now);

        var refused = Assert.Throws<LibraryRuleException>(() =>
        {
            switch (second)
            {
                case ResourceDecision.Approve: resource.Approve("mod", Now); break;
                case ResourceDecision.Reject: resource.Reject("mod", "No.", Now); break;
                default: resource.RequestChanges("mod", "Change.", Now); break;
            }
        });

        Assert.Equal("This submission has already been decided.", refused.Message);
    }

    [Fact]
    public void RequestChanges_WithoutNote_IsRefused()
    {
        var resource = Pending();

        Assert.Throws<LibraryRuleException>(() => resource.RequestChanges("mod", " ", Now));
        Assert.Equal(ResourceStatus.Pending, resource.Status);
    }

    [Fact]
    public void Reject_WithoutReason_IsRefused()
    {
        var resource = Pending();

        Assert.Throws<LibraryRuleException>(() => resource.Reject("mod", null, Now));
    }

    [Fact]
    public void Edit_BySubmitterAfterChangesRequested_Resubmits()
    {
        var resource = Pending();
        resource.RequestChanges("mod", "Shorter title.", Now);

        resource.Edit(Details("Short"), "submitter", asModerator: false, Now);

        Assert.Equal(ResourceStatus.Pending, resource.Status);
        Assert.Equal(ResourceAction.Resubmitted, resource.History[^1].Action);
    }

    [Fact]
    public void Edit_BySubmitterOnceDecided_IsRefused()
    {
        var resource = Pending();
        resource.Approve("mod", Now);

        Assert.Throws<LibraryRuleException>(() => resource.Edit(Details("Sneaky"), "submitter", asModerator: false, Now));
    }

    [Fact]
    public void Edit_ByModeratorOnceDecided_KeepsTheStatus()
    {
        var resource = Pending();
        resource.Approve("mod", Now);

        resource.Edit(Details("Better title"), "mod", asModerator: true, Now);

        Assert.Equal(ResourceStatus.Approved, resource.Status);
        Assert.Equal("Better title", resource.Title);
    }

    [Fact]
    public void Feature_NotApproved_IsRefused()
    {
        Assert.Throws<LibraryRuleException>(() => Pending().SetFeatured(true, "mod", Now));
    }

    [Fact]
    public void Archive_Approved_UnfeaturesAndRestoreListsAgain()
    {
        var resource = Pending();
        resource.Approve("mod", Now);
        resource.SetFeatured(true, "mod", Now);

        resource.Archive("mod", "Superseded.", Now);
        Assert.Equal(ResourceStatus.Archived, resource.Status);
        Assert.False(resource.IsFeatured);

        resource.Restore("mod", Now);
        Assert.Equal(ResourceStatus.Approved, resource.Status);
    }

    [Fact]
    public void Restore_NotArchived_IsRefused()
    {
        Assert.Throws<LibraryRuleException>(() => Pending().Restore("mod", Now));
    }

    [Fact]
    public void EnsureVersion_Stale_IsRefused()
    {
        var resource = Pending();
        var seen = resource.Version;
        resource.Approve("mod", Now);

        Assert.Throws<LibraryRuleException>(() => resource.EnsureVersion(seen));
        resource.EnsureVersion(resource.Version);
    }

    [Fact]
    public void Move_SwapsWithTheNeighbour_AndAddTwiceIsRefused()
    {
        var collection = new ResourceCollection { Id = Guid.NewGuid(), Slug = "week" };
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        collection.Add(a, Now);
        collection.Add(b, Now);

        collection.Move(b, -1, Now);

        Assert.Equal([b, a], collection.Items.OrderBy(i => i.Position).Select(i => i.ResourceId));
        Assert.Throws<LibraryRuleException>(() => collection.Add(a, Now));
    }

    private static Resource Pending() => Resource.Submit(Guid.NewGuid(), "r-1", Details("Title"), null, "submitter", Now);

    private static ResourceDetails Details(string title) =>
        new(title, "Summary.", "", ResourceType.Report, null, [], null, ["en"], [], [], null, "https://example.org/");
}
