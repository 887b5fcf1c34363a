using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Groups;

public sealed class GroupInvitationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_StoresOnlyTheTokensHash_AndExpiresInSevenDays()
    {
        var (invitation, token) = GroupInvitation.Create(Guid.NewGuid(), "ana@un.org", "mod", Now);

        Assert.Equal(43, token.Length);
        Assert.Equal(GroupInvitation.Hash(token), invitation.TokenHash);
        Assert.Equal(32, invitation.TokenHash.Length);
        Assert.DoesNotContain(token, Convert.ToBase64String(invitation.TokenHash), StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(7), invitation.ExpiresAt);
    }

    [Fact]
    public void Create_TwoInvitations_HaveDifferentTokens()
    {
        var (_, first) = GroupInvitation.Create(Guid.NewGuid(), "a@un.org", "mod", Now);
        var (_, second) = GroupInvitation.Create(Guid.NewGuid(), "a@un.org", "mod", Now);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Accept_IsSingleUse()
    {
        var (invitation, _) = GroupInvitation.Create(Guid.NewGuid(), "a@un.org", "mod", Now);
        invitation.Accept("u1", Now.AddHours(1));

        var error = Assert.Throws<GroupRuleException>(() => invitation.Accept("u2", Now.AddHours(2)));

        Assert.Equal(GroupInvitation.UnusableMessage, error.Message);
        Assert.Equal("u1", invitation.AnsweredById);
    }

    [Fact]
    public void Accept_AfterExpiry_IsRefused()
    {
        var (invitation, _) = GroupInvitation.Create(Guid.NewGuid(), "a@un.org", "mod", Now);

        Assert.Throws<GroupRuleException>(() => invitation.Accept("u", Now + GroupInvitation.Lifetime));
        Assert.Equal(GroupInvitationStatus.Pending, invitation.Status);
        Assert.False(invitation.IsUsable(Now + GroupInvitation.Lifetime));
        Assert.True(invitation.IsUsable(Now + GroupInvitation.Lifetime - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Revoke_StopsTheLink()
    {
        var (invitation, _) = GroupInvitation.Create(Guid.NewGuid(), "a@un.org", "mod", Now);

        invitation.Revoke("mod", Now);

        Assert.False(invitation.IsUsable(Now));
        Assert.Throws<GroupRuleException>(() => invitation.Decline("u", Now));
        Assert.Throws<GroupRuleException>(() => invitation.Revoke("mod", Now));
    }

    [Theory]
    [InlineData("ana@un.org, BEN@undp.org;\ncarla@unicef.org ana@un.org", new[] { "ana@un.org", "ben@undp.org", "carla@unicef.org" })]
    [InlineData("  solo@who.int  ", new[] { "solo@who.int" })]
    public void ParseAddresses_SplitsLowersAndDeduplicates(string text, string[] expected) =>
        Assert.Equal(expected, GroupInvitationService.ParseAddresses(text));

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("Ana <ana@un.org>")]
    public void ParseAddresses_NothingOrSomethingElse_IsRefused(string text) =>
        Assert.Throws<GroupRuleException>(() => GroupInvitationService.ParseAddresses(text));

    [Fact]
    public void ParseAddresses_MoreThanTheLimit_IsRefused() =>
        Assert.Throws<GroupRuleException>(() => GroupInvitationService.ParseAddresses(
            string.Join(",", Enumerable.Range(0, GroupInvitationService.MaxAddressesPerInvite + 1).Select(i => $"p{i}@un.org"))));
}
