using CollabHub.Web.Features.Notifications;

namespace CollabHub.UnitTests.Notifications;

public sealed class NotificationKindsTests
{
    [Theory]
    [InlineData(NotificationKind.Mention, EmailDelivery.Immediately)]
    [InlineData(NotificationKind.Reply, EmailDelivery.Immediately)]
    [InlineData(NotificationKind.ResourceRejected, EmailDelivery.Immediately)]
    [InlineData(NotificationKind.DirectMessage, EmailDelivery.Immediately)]
    [InlineData(NotificationKind.NewThread, EmailDelivery.Digest)]
    [InlineData(NotificationKind.JoinRequest, EmailDelivery.Digest)]
    [InlineData(NotificationKind.ResourceSubmitted, EmailDelivery.Digest)]
    public void DefaultDelivery_PersonalNewsAtOnce_GroupActivityInTheDigest(NotificationKind kind, EmailDelivery expected) =>
        Assert.Equal(expected, NotificationKinds.DefaultDelivery(kind));

    [Theory]
    [InlineData(NotificationKind.EventReminder)]
    [InlineData(NotificationKind.JoinApproved)]
    [InlineData(NotificationKind.Invitation)]
    public void Effective_KindMailedByItsFeature_IsNeverMailedAgain(NotificationKind kind)
    {
        Assert.True(NotificationKinds.IsMailedByItsFeature(kind));
        Assert.Equal(EmailDelivery.Off, NotificationKinds.Effective(kind, EmailDelivery.Immediately));
    }

    [Fact]
    public void Effective_NoChoice_TakesTheDefault_AChoiceWins()
    {
        Assert.Equal(EmailDelivery.Immediately, NotificationKinds.Effective(NotificationKind.Mention, null));
        Assert.Equal(EmailDelivery.Off, NotificationKinds.Effective(NotificationKind.Mention, EmailDelivery.Off));
    }

    [Fact]
    public void EveryKind_HasALabelATemplateAndASection()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            Assert.NotEmpty(NotificationKinds.Label(kind));
            Assert.NotEmpty(NotificationKinds.Template(kind, collapsed: false));
            Assert.NotEmpty(NotificationKinds.Template(kind, collapsed: true));
            Assert.Single(NotificationKinds.Sections, s => s.Kinds.Contains(kind));
        }
    }

    [Fact]
    public void Describe_Collapsed_SaysHowManyAndWhoWasLatest()
    {
        Assert.Equal("3 new replies in Budget, latest by Ben", NotificationMailer.Describe(NotificationKind.Reply, "Ben", "Budget", 3));
        Assert.Equal("Ben replied in Budget", NotificationMailer.Describe(NotificationKind.Reply, "Ben", "Budget"));
        Assert.Equal("Budget 2027 starts soon", NotificationMailer.Describe(NotificationKind.EventReminder, null, "Budget 2027"));
    }

    [Fact]
    public void From_LongTitle_IsClippedToTheColumn()
    {
        var request = new NotificationRequest("u1", NotificationKind.Reply, "u2", "thread:x", "/groups", new string('t', 400), new string('e', 400));

        var row = Notification.From(request, DateTimeOffset.UnixEpoch);

        Assert.Equal(Notification.TitleMaxLength, row.Title.Length);
        Assert.EndsWith("…", row.Title);
        Assert.Equal(Notification.ExcerptMaxLength, row.Excerpt!.Length);
    }
}
