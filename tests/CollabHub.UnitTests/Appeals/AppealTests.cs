using CollabHub.Web.Features.Appeals;

namespace CollabHub.UnitTests.Appeals;

public sealed class AppealTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void Open_Draft_TakesEndorsements()
    {
        var appeal = new Appeal();

        appeal.Open(Now);

        Assert.Equal(AppealStatus.Open, appeal.Status);
        Assert.True(appeal.TakesEndorsements(Today));
    }

    [Fact]
    public void EnsureTakesEndorsements_Draft_RefusesAsNotOpen()
    {
        var refused = Assert.Throws<AppealRuleException>(() => new Appeal().EnsureTakesEndorsements(Today));

        Assert.Equal(Appeal.NotOpenMessage, refused.Message);
    }

    [Fact]
    public void EnsureTakesEndorsements_Closed_RefusesAsClosed()
    {
        var appeal = new Appeal();
        appeal.Open(Now);
        appeal.Close(Now);

        var refused = Assert.Throws<AppealRuleException>(() => appeal.EnsureTakesEndorsements(Today));

        Assert.Equal(Appeal.ClosedMessage, refused.Message);
    }

    [Fact]
    public void EnsureTakesEndorsements_AfterTheEndDate_RefusesAsClosed()
    {
        var appeal = new Appeal { EndsOn = Today.AddDays(-1) };
        appeal.Open(Now);

        Assert.Equal(Appeal.ClosedMessage, Assert.Throws<AppealRuleException>(() => appeal.EnsureTakesEndorsements(Today)).Message);
        Assert.True(appeal.TakesEndorsements(Today.AddDays(-1)));
    }

    [Fact]
    public void Open_Closed_IsRefused()
    {
        var appeal = new Appeal();
        appeal.Open(Now);
        appeal.Close(Now);

        Assert.Throws<AppealRuleException>(() => appeal.Open(Now));
    }

    [Fact]
    public void Close_Draft_IsRefused() => Assert.Throws<AppealRuleException>(() => new Appeal().Close(Now));
}
