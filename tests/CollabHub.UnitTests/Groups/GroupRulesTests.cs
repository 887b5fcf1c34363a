using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Groups;

/// <summary>The rules on groups and memberships, each test named after the rule it proves.</summary>
public sealed class GroupRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddMember_CountsTheMemberAndMarksTheGroupActive()
    {
        var group = new Group { MemberCount = 4, LastActivityAt = Now.AddDays(-10) };

        var membership = group.AddMember("u1", GroupRole.Moderator, Now);

        Assert.Equal(5, group.MemberCount);
        Assert.Equal(Now, group.LastActivityAt);
        Assert.Equal((group.Id, "u1", GroupRole.Moderator, Now), (membership.GroupId, membership.UserId, membership.Role, membership.JoinedAt));
    }

    [Fact]
    public void RemoveMember_LastOwner_IsRefusedAndNothingChanges()
    {
        var group = new Group { MemberCount = 3 };
        var owner = new GroupMembership { GroupId = group.Id, UserId = "o", Role = GroupRole.Owner };

        var error = Assert.Throws<GroupRuleException>(() => group.RemoveMember(owner, owners: 1, Now));

        Assert.Equal(Group.LastOwnerMessage, error.Message);
        Assert.Equal(3, group.MemberCount);
    }

    [Fact]
    public void RemoveMember_OwnerWithAnotherOwner_MayGo()
    {
        var group = new Group { MemberCount = 3 };

        group.RemoveMember(new GroupMembership { GroupId = group.Id, UserId = "o", Role = GroupRole.Owner }, owners: 2, Now);

        Assert.Equal(2, group.MemberCount);
    }

    [Fact]
    public void RemoveMember_PlainMember_NeedsNoOwnerCount()
    {
        var group = new Group { MemberCount = 1 };

        group.RemoveMember(new GroupMembership { GroupId = group.Id, UserId = "m" }, owners: 0, Now);

        Assert.Equal(0, group.MemberCount);
    }

    [Fact]
    public void ChangeRole_LastOwnerStepsDown_IsRefused()
    {
        var owner = new GroupMembership { Role = GroupRole.Owner };

        var error = Assert.Throws<GroupRuleException>(() => owner.ChangeRole(GroupRole.Moderator, owners: 1));

        Assert.Equal(Group.LastOwnerMessage, error.Message);
        Assert.Equal(GroupRole.Owner, owner.Role);
    }

    [Fact]
    public void ChangeRole_SameRole_IsRefusedAsNoChange()
    {
        var member = new GroupMembership { Role = GroupRole.Moderator };

        Assert.StartsWith("No change", Assert.Throws<GroupRuleException>(() => member.ChangeRole(GroupRole.Moderator, owners: 1)).Message);
    }

    [Fact]
    public void ChangeRole_UnknownRole_IsRefused() =>
        Assert.Throws<GroupRuleException>(() => new GroupMembership().ChangeRole((GroupRole)7, owners: 1));

    [Fact]
    public void ChangeRole_OneOfTwoOwnersHandsOver_BecomesModerator()
    {
        var owner = new GroupMembership { Role = GroupRole.Owner };

        owner.ChangeRole(GroupRole.Moderator, owners: 2);

        Assert.Equal(GroupRole.Moderator, owner.Role);
    }

    [Theory]
    [InlineData(GroupJoinPolicy.Open)]
    [InlineData(GroupJoinPolicy.Request)]
    public void SetAccess_HiddenGroupNotByInvitation_IsRefused(GroupJoinPolicy policy)
    {
        var group = new Group();

        Assert.Throws<GroupRuleException>(() => group.SetAccess(GroupVisibility.Hidden, policy));
        Assert.Equal(GroupVisibility.Public, group.Visibility);
    }

    [Fact]
    public void SetAccess_HiddenByInvitation_IsKept()
    {
        var group = new Group();

        group.SetAccess(GroupVisibility.Hidden, GroupJoinPolicy.Invitation);

        Assert.Equal((GroupVisibility.Hidden, GroupJoinPolicy.Invitation), (group.Visibility, group.JoinPolicy));
    }

    [Fact]
    public void JoinRequest_AnsweredTwice_IsRefusedTheSecondTime()
    {
        var request = GroupJoinRequest.Create(Guid.NewGuid(), "u", "Please", Now);
        request.Approve("mod", Now);

        var error = Assert.Throws<GroupRuleException>(() => request.Decline("mod2", "", Now));

        Assert.Equal("This request was already approved.", error.Message);
        Assert.Equal(GroupJoinRequestStatus.Approved, request.Status);
    }

    [Fact]
    public void JoinRequest_DeclineWithReply_KeepsTheReply_AndAnEmptyReplyIsNone()
    {
        var withReply = GroupJoinRequest.Create(Guid.NewGuid(), "u", "", Now);
        var without = GroupJoinRequest.Create(Guid.NewGuid(), "u", "", Now);

        withReply.Decline("mod", "We only take focal points.", Now);
        without.Decline("mod", "", Now);

        Assert.Equal("We only take focal points.", withReply.Reply);
        Assert.Null(without.Reply);
        Assert.Equal(Now, withReply.DecidedAt);
    }

    [Fact]
    public void JoinRequest_MessageOverTheLimit_IsRefused() =>
        Assert.Throws<GroupRuleException>(() => GroupJoinRequest.Create(Guid.NewGuid(), "u", new string('x', GroupJoinRequest.MessageMaxLength + 1), Now));

    [Fact]
    public void JoinRequest_ReplyOverTheLimit_IsRefused() =>
        Assert.Throws<GroupRuleException>(() => GroupJoinRequest.Create(Guid.NewGuid(), "u", "", Now).Decline("m", new string('x', GroupJoinRequest.ReplyMaxLength + 1), Now));

    [Fact]
    public void JoinRequest_Withdrawn_CanNoLongerBeApproved()
    {
        var request = GroupJoinRequest.Create(Guid.NewGuid(), "u", "", Now);
        request.Withdraw(Now);

        Assert.Equal("This request was withdrawn.", Assert.Throws<GroupRuleException>(() => request.Approve("mod", Now)).Message);
    }
}
