namespace CollabHub.Web.Features.Groups;

/// <summary>A discussion space people join around a shared cause.</summary>
public class Group
{
    public const int NameMaxLength = 120;
    public const int SlugMaxLength = 80;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 20_000;
    public const int MaxTopics = 8;
    public const int TopicMaxLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The URL name, lower-case letters, digits and hyphens.</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>One or two sentences shown in listings.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The longer description, Markdown.</summary>
    public string Description { get; set; } = "";

    public GroupVisibility Visibility { get; set; } = GroupVisibility.Public;

    public GroupJoinPolicy JoinPolicy { get; set; } = GroupJoinPolicy.Open;

    /// <summary>Normalised topic tags (lower case), for filtering the directory.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Who started the group; null once that account is deleted.</summary>
    public string? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Kept by the membership operations in the same transaction, so listings can sort by size cheaply.</summary>
    public int MemberCount { get; set; }

    /// <summary>The last post, reply or membership change; the directory's "active" order.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The current cover picture's version (see <see cref="GroupCover"/>); null when the group has none.</summary>
    public Guid? CoverVersion { get; set; }

    /// <summary>Whether a non-member may learn that the group exists (listings, search, its page).</summary>
    public bool IsListed => Visibility != GroupVisibility.Hidden;

    /// <summary>What a group without an owner would be: nobody could manage it, so every path that removes an owner checks this.</summary>
    public const string LastOwnerMessage = "A group always needs an owner: make another member an owner first.";

    /// <summary>Takes already validated details (see <see cref="GroupDetailsValidator"/>).</summary>
    public void Describe(GroupDetails details)
    {
        Name = details.Name;
        Summary = details.Summary;
        Description = details.Description;
        Topics = [.. details.Topics];
    }

    /// <summary>
    /// Changes who may see and join the group. A hidden group is joined by invitation only: nobody else can find it
    /// to ask.
    /// </summary>
    public void SetAccess(GroupVisibility visibility, GroupJoinPolicy joinPolicy)
    {
        if (visibility == GroupVisibility.Hidden && joinPolicy != GroupJoinPolicy.Invitation)
        {
            throw new GroupRuleException("A hidden group can only be joined by invitation: nobody else can find it to ask.");
        }

        Visibility = visibility;
        JoinPolicy = joinPolicy;
    }

    /// <summary>Adds a member in the given role, counting them and marking the group active, in the caller's transaction.</summary>
    public GroupMembership AddMember(string userId, GroupRole role, DateTimeOffset now)
    {
        MemberCount++;
        LastActivityAt = now;
        return new GroupMembership { GroupId = Id, UserId = userId, Role = role, JoinedAt = now };
    }

    /// <summary>
    /// Takes a member out (leaving, removal or ban). <paramref name="owners"/> is the number of owners now, counted
    /// under the group's row lock, so the last one can't go.
    /// </summary>
    public void RemoveMember(GroupMembership membership, int owners, DateTimeOffset now)
    {
        if (membership.GroupId != Id)
        {
            throw new InvalidOperationException("The membership belongs to another group.");
        }

        if (membership.Role == GroupRole.Owner && owners <= 1)
        {
            throw new GroupRuleException(LastOwnerMessage);
        }

        MemberCount = Math.Max(0, MemberCount - 1);
        LastActivityAt = now;
    }
}
