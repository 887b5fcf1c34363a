using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Groups;

/// <summary>The two founding groups every demo hub starts with.</summary>
public sealed class GroupsDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    public string Key => "groups/founding-groups";

    public Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Groups.AddRange(
            new Group
            {
                Slug = "un-behavioural-science-group",
                Name = "UN Behavioural Science Group",
                Summary = "Colleagues applying behavioural science to UN policy and programmes share evidence, methods and results.",
                Description = """
                    The UN Behavioural Science Group brings together staff from across the UN system who use
                    insights about how people actually decide and act to make policies and programmes work better.

                    - Share trials, evaluations and what did **not** work
                    - Ask for peer review of a study design
                    - Prepare **Behavioural Science Week** together
                    """,
                Visibility = GroupVisibility.Public,
                CreatedAt = now,
            },
            new Group
            {
                Slug = "call-to-action-for-human-rights",
                Name = "Call to Action for Human Rights",
                Summary = "Putting the Secretary-General's Call to Action for Human Rights into practice across the UN system.",
                Description = """
                    A space for focal points and colleagues working to put human rights at the centre of
                    everything the UN does, following the Secretary-General's Call to Action.

                    - Exchange guidance notes and country experience
                    - Coordinate joint initiatives and high-level meetings
                    - Track commitments and progress
                    """,
                Visibility = GroupVisibility.Public,
                CreatedAt = now,
            });
        return Task.CompletedTask;
    }
}
