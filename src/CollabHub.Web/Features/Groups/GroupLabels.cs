namespace CollabHub.Web.Features.Groups;

/// <summary>The English keys for group settings as pages show them (passed through the localizer).</summary>
public static class GroupLabels
{
    public static string Visibility(GroupVisibility visibility) => visibility switch
    {
        GroupVisibility.Public => "Public group",
        GroupVisibility.Private => "Private group",
        GroupVisibility.Hidden => "Hidden group",
        _ => visibility.ToString(),
    };

    public static string VisibilityHint(GroupVisibility visibility) => visibility switch
    {
        GroupVisibility.Public => "Listed in the directory; every signed-in member can read its content.",
        GroupVisibility.Private => "Listed with its name and description only; its content is for members.",
        GroupVisibility.Hidden => "Not listed anywhere; only members and the people they invite know it exists.",
        _ => "",
    };

    public static string JoinPolicy(GroupJoinPolicy policy) => policy switch
    {
        GroupJoinPolicy.Open => "Open: anyone who can see it joins with one click",
        GroupJoinPolicy.Request => "Ask first: members send a request that moderators approve or decline",
        GroupJoinPolicy.Invitation => "By invitation only: moderators invite people by e-mail",
        _ => policy.ToString(),
    };
}
