using CollabHub.Web.Infrastructure.Email;

namespace CollabHub.Web.Features.Discussions;

/// <summary>The mail that tells a member what the moderators decided about a post they flagged.</summary>
public static class FlagOutcomeMail
{
    public static EmailContent Compose(FlagStatus outcome, FlagReason reason, string groupName, string threadTitle, Uri threadUrl)
    {
        var (subject, verdict) = outcome switch
        {
            FlagStatus.Upheld => (
                $"The post you flagged in {groupName} was hidden",
                "A moderator agreed with you and hid the post. Thank you for helping keep the group a good place to talk."),
            FlagStatus.Dismissed => (
                $"The post you flagged in {groupName} was reviewed",
                "A moderator reviewed the post and decided to keep it. Thank you for flagging it all the same: moderators would rather look at a post once too often than miss one."),
            FlagStatus.Open => throw new ArgumentOutOfRangeException(nameof(outcome), "An open flag has no outcome to tell."),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };

        return new EmailContent(
            subject,
            "Moderators reviewed the post you flagged",
            [
                $"You flagged a post in “{threadTitle}” in {groupName} as {Describe(reason)}.",
                verdict,
            ],
            new EmailAction("Open the thread", threadUrl),
            "You receive this because you flagged the post. You can see the outcome on the post as well.");
    }

    public static string Describe(FlagReason reason) => reason switch
    {
        FlagReason.Spam => "spam",
        FlagReason.Abusive => "abusive or disrespectful",
        FlagReason.OffTopic => "off topic",
        FlagReason.Other => "needing a moderator's attention",
        _ => "needing a moderator's attention",
    };
}
