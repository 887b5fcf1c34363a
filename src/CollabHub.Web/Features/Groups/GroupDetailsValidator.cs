using CollabHub.Web.Infrastructure.Text;

namespace CollabHub.Web.Features.Groups;

/// <summary>Every rule a group's description must pass, with the message shown beside the field that broke it.</summary>
public static class GroupDetailsValidator
{
    public const int NameMinLength = 3;

    public static readonly TagList TopicRules = new(Group.MaxTopics, Group.TopicMaxLength, "topic", "topics");

    /// <summary>The tidied details, or null and at least one error keyed by <see cref="GroupForm"/> property name.</summary>
    public static GroupDetails? Validate(GroupForm form, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);

        var name = PlainText.SingleLine(form.Name);
        if (name.Length < NameMinLength || name.Length > Group.NameMaxLength)
        {
            found[nameof(GroupForm.Name)] = name.Length == 0
                ? "Give the group a name."
                : $"The name needs {NameMinLength} to {Group.NameMaxLength} characters; it has {name.Length}.";
        }

        var summary = PlainText.SingleLine(form.Summary);
        if (summary.Length == 0)
        {
            found[nameof(GroupForm.Summary)] = "Say in a sentence or two what the group is for; it is shown in the directory.";
        }
        else if (summary.Length > Group.SummaryMaxLength)
        {
            found[nameof(GroupForm.Summary)] = $"The summary can have at most {Group.SummaryMaxLength} characters; it has {summary.Length}.";
        }

        var description = PlainText.Multiline(form.Description);
        if (description.Length == 0)
        {
            found[nameof(GroupForm.Description)] = "Describe the group: who it is for and what members do in it.";
        }
        else if (description.Length > Group.DescriptionMaxLength)
        {
            found[nameof(GroupForm.Description)] = $"The description can have at most {Group.DescriptionMaxLength} characters; it has {description.Length}.";
        }

        var topics = TopicRules.Parse(form.Topics, out var topicError);
        if (topicError is not null)
        {
            found[nameof(GroupForm.Topics)] = topicError;
        }

        if (!Enum.IsDefined(form.Visibility))
        {
            found[nameof(GroupForm.Visibility)] = "Choose who can see the group.";
        }

        if (!Enum.IsDefined(form.JoinPolicy))
        {
            found[nameof(GroupForm.JoinPolicy)] = "Choose how people join the group.";
        }
        else if (form.Visibility == GroupVisibility.Hidden && form.JoinPolicy != GroupJoinPolicy.Invitation)
        {
            found[nameof(GroupForm.JoinPolicy)] = "A hidden group can only be joined by invitation: nobody else can find it to ask.";
        }

        errors = found;
        return found.Count == 0 ? new GroupDetails(name, summary, description, topics!) : null;
    }
}
