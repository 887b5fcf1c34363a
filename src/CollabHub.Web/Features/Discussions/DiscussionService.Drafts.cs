using System.Security.Claims;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Discussions.Mentions;
using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

public sealed partial class DiscussionService
{
    /// <summary>Members suggested for a mention: whose name (or a word of it) starts with what was typed.</summary>
    public const int SuggestionLimit = 8;

    /// <summary>What a draft will look like, with anything that would stop it being posted. Members only.</summary>
    public async Task<MarkupPreview> PreviewAsync(ClaimsPrincipal user, string groupSlug, string? body, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        RequireSignedIn(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanParticipate: true })
        {
            throw DiscussionException.NotAvailable();
        }

        var markdown = (body ?? "").ReplaceLineEndings("\n");
        var problems = new List<string>();
        if (markdown.TrimEnd().Length > DiscussionRules.BodyMaxLength)
        {
            problems.Add($"Keep a post within {DiscussionRules.BodyMaxLength} characters; this one has {markdown.TrimEnd().Length}.");
        }

        var draft = markup.Parse(markdown);
        problems.AddRange(MentionResolver.Resolve(draft.Mentions, await MentionCandidatesAsync(db, access.Group.Id, draft.Mentions, cancellationToken)));
        return new MarkupPreview(markup.Render(draft), problems);
    }

    /// <summary>
    /// Group members to mention, matching <paramref name="prefix"/> at the start of their name or of a word in it.
    /// Only members of the group get an answer: a group's member list never reaches anyone else this way.
    /// </summary>
    public async Task<IReadOnlyList<MentionSuggestion>> SuggestMentionsAsync(ClaimsPrincipal user, string groupSlug, string? prefix, CancellationToken cancellationToken = default)
    {
        var viewer = ViewerOf(user);
        RequireSignedIn(viewer);
        var typed = (prefix ?? "").Trim();
        if (typed.Length == 0 || typed.Length > MentionParser.NameMaxLength)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GroupAccessService.LoadAsync(db, g => g.Slug == groupSlug, viewer, cancellationToken);
        if (access is not { CanParticipate: true })
        {
            throw DiscussionException.NotAvailable();
        }

        var starts = SearchPatterns.Contains(typed)[1..];
        var wordStarts = "% " + starts;
        var members = await (
                from m in db.GroupMemberships
                join u in db.Users on m.UserId equals u.Id
                where m.GroupId == access.Group.Id
                    && (EF.Functions.ILike(u.DisplayName, starts) || EF.Functions.ILike(u.DisplayName, wordStarts))
                orderby u.DisplayName
                select new MentionedMember(u.Id, u.DisplayName))
            .Take(SuggestionLimit)
            .ToListAsync(cancellationToken);

        var names = members.Select(m => m.DisplayName.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
#pragma warning disable CA1304 // Translated to SQL lower(); no .NET culture is involved.
        var shared = await (
                from m in db.GroupMemberships
                join u in db.Users on m.UserId equals u.Id
                where m.GroupId == access.Group.Id && names.Contains(u.DisplayName.ToLower())
                group u by u.DisplayName.ToLower() into same
                where same.Count() > 1
                select same.Key)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304
        return members
            .Select(m => new MentionSuggestion(m, MentionResolver.Token(m, shared.Contains(m.DisplayName.ToLowerInvariant()))))
            .ToList();
    }
}
