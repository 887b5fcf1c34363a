using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Discussions;

/// <summary>
/// Threads with replies in the demo groups (<see cref="GroupsDemoConversations.Threads"/>), written through
/// <see cref="DiscussionService"/> as their members would: Markdown, mentions, follows, notifications and the search index
/// as for any post. A newcomer's first look found every group's discussions empty. Each post commits on its own, so a
/// thread already there (a step that stopped half way) is not written again.
/// </summary>
public sealed class DiscussionsDemoSeed(DiscussionService discussions) : IDemoSeedStep
{
    public string Key => "discussions/conversations";

    public async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var people = await GroupsDemoConversations.PeopleAsync(db, cancellationToken);
        foreach (var plan in GroupsDemoConversations.Threads)
        {
            var everyone = plan.Replies.Select(r => r.Author).Append(plan.Author);
            if (!everyone.All(people.ContainsKey)
                || await db.DiscussionThreads.AnyAsync(t => t.Title == plan.Title && db.Groups.Any(g => g.Id == t.GroupId && g.Slug == plan.GroupSlug), cancellationToken))
            {
                continue;
            }

            var thread = await discussions.StartThreadAsync(GroupsDemoConversations.Principal(people[plan.Author]), plan.GroupSlug, plan.Title, plan.Body, cancellationToken);
            foreach (var (author, body) in plan.Replies)
            {
                await discussions.ReplyAsync(GroupsDemoConversations.Principal(people[author]), thread.ThreadId, body, cancellationToken: cancellationToken);
            }
        }
    }
}
