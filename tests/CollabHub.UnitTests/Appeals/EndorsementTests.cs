using CollabHub.Web.Features.Appeals;

namespace CollabHub.UnitTests.Appeals;

public sealed class EndorsementTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ByVisitor_IsPendingUntilConfirmed()
    {
        var (endorsement, token) = Endorsement.ByVisitor(Guid.NewGuid(), "Rosa", "rosa@example.org", listed: true, Now);

        Assert.Equal(EndorsementStatus.Pending, endorsement.Status);
        Assert.Equal(Endorsement.Hash(token), endorsement.ConfirmationHash);

        endorsement.ConfirmByEmail(Now.AddHours(1));

        Assert.Equal(EndorsementStatus.Confirmed, endorsement.Status);
        Assert.Null(endorsement.ConfirmationHash);
        Assert.NotNull(endorsement.WithdrawHash);
    }

    [Fact]
    public void ConfirmByEmail_AfterTheLinkExpired_IsRefused()
    {
        var (endorsement, _) = Endorsement.ByVisitor(Guid.NewGuid(), "Rosa", "rosa@example.org", listed: false, Now);

        var refused = Assert.Throws<AppealRuleException>(() => endorsement.ConfirmByEmail(Now + Endorsement.ConfirmationLifetime + TimeSpan.FromSeconds(1)));

        Assert.Equal(Endorsement.ExpiredLinkMessage, refused.Message);
        Assert.Equal(EndorsementStatus.Pending, endorsement.Status);
    }

    [Fact]
    public void ConfirmByEmail_Twice_IsRefused()
    {
        var (endorsement, _) = Endorsement.ByVisitor(Guid.NewGuid(), "Rosa", "rosa@example.org", listed: false, Now);
        endorsement.ConfirmByEmail(Now);

        Assert.Throws<AppealRuleException>(() => endorsement.ConfirmByEmail(Now));
    }

    [Fact]
    public void RenewConfirmation_ReplacesTheOldLink()
    {
        var (endorsement, first) = Endorsement.ByVisitor(Guid.NewGuid(), "Rosa", "rosa@example.org", listed: false, Now);

        var second = endorsement.RenewConfirmation(Now.AddHours(1));

        Assert.NotEqual(first, second);
        Assert.Equal(Endorsement.Hash(second), endorsement.ConfirmationHash);
    }

    [Fact]
    public void ByOrganisation_WaitsForAModerator()
    {
        var endorsement = Endorsement.ByOrganisation(Guid.NewGuid(), "user", "Peace Nurses", OrganisationType.Ngo, "GH", Now);

        Assert.Equal(EndorsementStatus.Pending, endorsement.Status);
        endorsement.ConfirmByModerator("moderator", Now);
        Assert.Equal(EndorsementStatus.Confirmed, endorsement.Status);
        Assert.Throws<AppealRuleException>(() => endorsement.ConfirmByModerator("moderator", Now));
    }

    [Fact]
    public void ConfirmByModerator_NotAnOrganisation_IsRefused()
    {
        var state = Endorsement.ByState(Guid.NewGuid(), MemberStates.Find("NO")!, "Note", "moderator", Now);

        Assert.Equal(EndorsementStatus.Confirmed, state.Status);
        Assert.Throws<AppealRuleException>(() => state.ConfirmByModerator("moderator", Now));
    }
}
