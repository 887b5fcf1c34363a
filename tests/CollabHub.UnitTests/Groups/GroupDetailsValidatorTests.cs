using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Groups;

public sealed class GroupDetailsValidatorTests
{
    [Fact]
    public void Validate_GoodForm_TidiesEverything()
    {
        var details = GroupDetailsValidator.Validate(
            Form(name: "  Data   Protection  ", topics: "Privacy, #Data Protection, privacy", description: "\r\nLine one\r\nLine two\r\n"),
            out var errors);

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal("Data Protection", details.Name);
        Assert.Equal(["privacy", "data protection"], details.Topics);
        Assert.Equal("Line one\nLine two", details.Description);
    }

    [Theory]
    [InlineData("", "Give the group a name.")]
    [InlineData("ab", "The name needs 3 to 120 characters; it has 2.")]
    public void Validate_EmptyOrShortName_SaysWhatIsNeeded(string name, string message)
    {
        Assert.Null(GroupDetailsValidator.Validate(Form(name: name), out var errors));
        Assert.Equal(message, errors[nameof(GroupForm.Name)]);
    }

    [Fact]
    public void Validate_OversizedFields_StateTheLimits()
    {
        GroupDetailsValidator.Validate(
            Form(name: new string('n', Group.NameMaxLength + 1), summary: new string('s', Group.SummaryMaxLength + 1), description: new string('d', Group.DescriptionMaxLength + 1)),
            out var errors);

        Assert.Contains("3 to 120 characters", errors[nameof(GroupForm.Name)]);
        Assert.Contains("at most 300 characters", errors[nameof(GroupForm.Summary)]);
        Assert.Contains("at most 20000 characters", errors[nameof(GroupForm.Description)]);
    }

    [Fact]
    public void Validate_EmptySummaryAndDescription_AreRefused()
    {
        GroupDetailsValidator.Validate(Form(summary: " ", description: "\n"), out var errors);

        Assert.Contains(nameof(GroupForm.Summary), errors.Keys);
        Assert.Contains(nameof(GroupForm.Description), errors.Keys);
    }

    [Fact]
    public void Validate_TooManyTopics_IsRefused()
    {
        GroupDetailsValidator.Validate(Form(topics: string.Join(",", Enumerable.Range(1, Group.MaxTopics + 1).Select(i => $"topic {i}"))), out var errors);

        Assert.Equal($"Add at most {Group.MaxTopics} topics; you entered {Group.MaxTopics + 1}.", errors[nameof(GroupForm.Topics)]);
    }

    [Fact]
    public void Validate_HiddenButOpen_IsRefusedOnTheJoinPolicy()
    {
        var form = Form();
        form.Visibility = GroupVisibility.Hidden;
        form.JoinPolicy = GroupJoinPolicy.Open;

        GroupDetailsValidator.Validate(form, out var errors);

        Assert.Contains("only be joined by invitation", errors[nameof(GroupForm.JoinPolicy)]);
    }

    [Fact]
    public void Validate_UnknownVisibility_IsRefused()
    {
        var form = Form();
        form.Visibility = (GroupVisibility)9;

        GroupDetailsValidator.Validate(form, out var errors);

        Assert.Contains(nameof(GroupForm.Visibility), errors.Keys);
    }

    private static GroupForm Form(string name = "Evaluation Network", string summary = "People who evaluate.", string description = "We meet monthly.", string topics = "") =>
        new() { Name = name, Summary = summary, Description = description, Topics = topics };
}
