namespace CollabHub.Web.Features.Discussions.Mentions;

/// <summary>Decides whom each mention of a post means, among the group's members; pure, so every rule is unit-tested.</summary>
public static class MentionResolver
{
    /// <summary>
    /// Sets <see cref="MentionInline.Member"/> on each mention that names exactly one of <paramref name="members"/>
    /// (by id when given, else by display name, ignoring case) and returns a sentence for each one that does not.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<MentionInline> mentions, IReadOnlyList<MentionedMember> members)
    {
        var problems = new List<string>();
        foreach (var mention in mentions)
        {
            mention.Member = null;
            if (mention.UserId is { } id)
            {
                mention.Member = members.FirstOrDefault(m => m.UserId == id);
                if (mention.Member is null)
                {
                    problems.Add($"@{mention.Name} is not a member of this group, so they can't be mentioned here.");
                }

                continue;
            }

            var named = members.Where(m => string.Equals(m.DisplayName.Trim(), mention.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            switch (named.Count)
            {
                case 1:
                    mention.Member = named[0];
                    break;
                case 0:
                    problems.Add($"@{mention.Name} is not a member of this group, so they can't be mentioned here.");
                    break;
                default:
                    problems.Add($"Several members of this group are called {mention.Name}: pick the one you mean from the suggestions.");
                    break;
            }
        }

        var distinct = mentions.Where(m => m.Member is not null).Select(m => m.Member!.UserId).Distinct(StringComparer.Ordinal).Count();
        if (distinct > DiscussionRules.MaxMentionsPerPost)
        {
            problems.Add($"Mention at most {DiscussionRules.MaxMentionsPerPost} members in one post; this one mentions {distinct}.");
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>What the editor inserts for a member: the bare name, or with the id when the name is not unique in the group.</summary>
    public static string Token(MentionedMember member, bool nameIsShared) =>
        nameIsShared ? $"@**{member.DisplayName}|{member.UserId}**" : $"@**{member.DisplayName}**";
}
