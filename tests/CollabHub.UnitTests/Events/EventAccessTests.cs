using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Events;

/// <summary>Who may see, join and organise an event, following its group's rules.</summary>
public sealed class EventAccessTests
{
    private static readonly EventViewer Member = new("member", false, false);

    private static Event Published(Guid? groupId = null, string? creator = "creator") =>
        new() { Slug = "e", Status = EventStatus.Published, GroupId = groupId, CreatedById = creator };

    private static GroupAccess Group(GroupVisibility visibility, GroupRole? role, EventViewer viewer) =>
        new(new Group { Visibility = visibility, JoinPolicy = visibility == GroupVisibility.Hidden ? GroupJoinPolicy.Invitation : GroupJoinPolicy.Open }, viewer.Group, role, false);

    [Fact]
    public void CanOrganise_CreatorGroupModeratorAndSiteModerator_OthersNot()
    {
        var ev = Published(Guid.NewGuid());

        Assert.True(new EventAccess(ev, new EventViewer("creator", false, false), Group(GroupVisibility.Public, null, Member)).CanOrganise);
        Assert.True(new EventAccess(ev, Member, Group(GroupVisibility.Public, GroupRole.Moderator, Member)).CanOrganise);
        Assert.True(new EventAccess(ev, new EventViewer("mod", false, true), Group(GroupVisibility.Public, null, Member)).CanOrganise);
        Assert.False(new EventAccess(ev, Member, Group(GroupVisibility.Public, GroupRole.Member, Member)).CanOrganise);
    }

    [Fact]
    public void CanSee_Draft_OnlyOrganisers()
    {
        var draft = Published();
        draft.Status = EventStatus.Draft;

        Assert.False(new EventAccess(draft, Member, null).CanSee);
        Assert.True(new EventAccess(draft, new EventViewer("creator", false, false), null).CanSee);
    }

    [Theory]
    [InlineData(GroupVisibility.Private)]
    [InlineData(GroupVisibility.Hidden)]
    public void CanSee_ClosedGroupsEvent_OnlyMembers(GroupVisibility visibility)
    {
        var ev = Published(Guid.NewGuid());

        Assert.False(new EventAccess(ev, Member, Group(visibility, null, Member)).CanSee);
        Assert.True(new EventAccess(ev, Member, Group(visibility, GroupRole.Member, Member)).CanSee);
    }

    [Fact]
    public void CanTakePart_PublicGroupsEvent_SignedInReadersNotVisitors()
    {
        var ev = Published(Guid.NewGuid());

        Assert.True(new EventAccess(ev, EventViewer.Anonymous, Group(GroupVisibility.Public, null, EventViewer.Anonymous)).CanSee);
        Assert.False(new EventAccess(ev, EventViewer.Anonymous, Group(GroupVisibility.Public, null, EventViewer.Anonymous)).CanTakePart);
        Assert.True(new EventAccess(ev, Member, Group(GroupVisibility.Public, null, Member)).CanTakePart);
    }
}
