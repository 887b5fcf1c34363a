using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Groups;

public sealed class GroupAccessTests
{
    private static readonly GroupViewer Stranger = new("stranger", IsAdministrator: false);
    private static readonly GroupViewer Admin = new("admin", IsAdministrator: true);

    [Theory]
    [InlineData(GroupVisibility.Public, true, true)]
    [InlineData(GroupVisibility.Private, true, false)]
    [InlineData(GroupVisibility.Hidden, false, false)]
    public void NonMember_SeesAndReadsByVisibility(GroupVisibility visibility, bool canSee, bool canRead)
    {
        var access = Access(visibility, Stranger, role: null);

        Assert.Equal(canSee, access.CanSee);
        Assert.Equal(canRead, access.CanRead);
        Assert.False(access.CanParticipate);
        Assert.False(access.CanModerate);
    }

    [Theory]
    [InlineData(GroupVisibility.Public)]
    [InlineData(GroupVisibility.Private)]
    public void AnonymousVisitor_SeesListedGroups_ButReadsNothing(GroupVisibility visibility)
    {
        var access = Access(visibility, GroupViewer.Anonymous, role: null);

        Assert.True(access.CanSee);
        Assert.False(access.CanRead);
        Assert.False(access.CanJoinDirectly);
    }

    [Theory]
    [InlineData(GroupVisibility.Public)]
    [InlineData(GroupVisibility.Private)]
    [InlineData(GroupVisibility.Hidden)]
    public void Member_ReadsAndParticipates_WhateverTheVisibility(GroupVisibility visibility)
    {
        var access = Access(visibility, Stranger, GroupRole.Member);

        Assert.True(access.CanSee);
        Assert.True(access.CanRead);
        Assert.True(access.CanParticipate);
        Assert.False(access.CanModerate);
    }

    [Theory]
    [InlineData(GroupRole.Moderator)]
    [InlineData(GroupRole.Owner)]
    public void ModeratorAndOwner_Moderate(GroupRole role) =>
        Assert.True(Access(GroupVisibility.Private, Stranger, role).CanModerate);

    [Fact]
    public void BannedNonMember_NoLongerReadsAPublicGroup_NorJoins()
    {
        var access = Access(GroupVisibility.Public, Stranger, role: null, banned: true, policy: GroupJoinPolicy.Open);

        Assert.True(access.CanSee);
        Assert.False(access.CanRead);
        Assert.False(access.CanJoinDirectly);
        Assert.False(access.CanRequestToJoin);
    }

    [Theory]
    [InlineData(GroupJoinPolicy.Open, true, false)]
    [InlineData(GroupJoinPolicy.Request, false, true)]
    [InlineData(GroupJoinPolicy.Invitation, false, false)]
    public void JoinPolicy_DecidesHowANonMemberJoins(GroupJoinPolicy policy, bool direct, bool request)
    {
        var access = Access(GroupVisibility.Private, Stranger, role: null, policy: policy);

        Assert.Equal(direct, access.CanJoinDirectly);
        Assert.Equal(request, access.CanRequestToJoin);
    }

    [Fact]
    public void Administrator_SeesReadsAndModeratesHiddenGroups_WithoutPosting()
    {
        var access = Access(GroupVisibility.Hidden, Admin, role: null);

        Assert.True(access.CanSee);
        Assert.True(access.CanRead);
        Assert.True(access.CanModerate);
        Assert.False(access.CanParticipate);
    }

    [Fact]
    public void Owner_ManagesRolesAndAccess_AndRemovesAnyone()
    {
        var access = Access(GroupVisibility.Public, Stranger, GroupRole.Owner);

        Assert.True(access.CanManageRoles);
        Assert.True(access.CanChangeAccess);
        Assert.All(Enum.GetValues<GroupRole>(), role => Assert.True(access.CanRemove(role)));
    }

    [Fact]
    public void Moderator_RemovesPlainMembersOnly_AndChangesNoRoles()
    {
        var access = Access(GroupVisibility.Public, Stranger, GroupRole.Moderator);

        Assert.True(access.CanRemove(GroupRole.Member));
        Assert.False(access.CanRemove(GroupRole.Moderator));
        Assert.False(access.CanRemove(GroupRole.Owner));
        Assert.False(access.CanManageRoles);
        Assert.False(access.CanChangeAccess);
    }

    [Fact]
    public void Member_RemovesNobody() =>
        Assert.All(Enum.GetValues<GroupRole>(), role => Assert.False(Access(GroupVisibility.Public, Stranger, GroupRole.Member).CanRemove(role)));

    private static GroupAccess Access(
        GroupVisibility visibility, GroupViewer viewer, GroupRole? role, bool banned = false, GroupJoinPolicy policy = GroupJoinPolicy.Open) =>
        new(new Group { Slug = "g", Name = "G", Visibility = visibility, JoinPolicy = policy }, viewer, role, banned);
}
