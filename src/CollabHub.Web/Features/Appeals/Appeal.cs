namespace CollabHub.Web.Features.Appeals;

/// <summary>
/// A call to action that people, organisations and Member States endorse. Site moderators create site appeals; a
/// group's moderators create the group's, which then share the group's visibility everywhere.
/// </summary>
public class Appeal
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 200;
    public const int IssuedByMaxLength = 200;
    public const int TextMaxLength = 20_000;
    public const int CommitmentMaxLength = 2_000;
    public const int RelatedLinksMaxLength = 4_000;
    public const string ClosedMessage = "This appeal is closed and no longer takes endorsements.";
    public const string NotOpenMessage = "This appeal is not open for endorsements yet.";

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The call itself, in Markdown.</summary>
    public string Call { get; set; } = "";

    public string IssuedBy { get; set; } = "";

    /// <summary>Why it matters, in Markdown.</summary>
    public string WhyItMatters { get; set; } = "";

    /// <summary>What endorsing commits one to, in plain text.</summary>
    public string Commitment { get; set; } = "";

    /// <summary>Related resources and events, one "Label | https://…" per line.</summary>
    public string RelatedLinks { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>How many endorsements (all capacities together) the issuer hopes for, if any.</summary>
    public int? Goal { get; set; }

    /// <summary>The group that leads the appeal, or null for a site appeal.</summary>
    public Guid? GroupId { get; set; }

    public AppealStatus Status { get; private set; }

    public string? CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Opens a draft for endorsements.</summary>
    public void Open(DateTimeOffset now)
    {
        if (Status != AppealStatus.Draft)
        {
            throw new AppealRuleException(Status == AppealStatus.Open ? "This appeal is already open." : "A closed appeal can't be opened again.");
        }

        Status = AppealStatus.Open;
        OpenedAt = now;
    }

    /// <summary>Closes an open appeal; its endorsements stay, and no more are taken.</summary>
    public void Close(DateTimeOffset now)
    {
        if (Status != AppealStatus.Open)
        {
            throw new AppealRuleException(Status == AppealStatus.Closed ? "This appeal is already closed." : "Only an open appeal can be closed.");
        }

        Status = AppealStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>Whether it is open and its end date (if any) has not passed on <paramref name="today"/>.</summary>
    public bool TakesEndorsements(DateOnly today) => Status == AppealStatus.Open && (EndsOn is not { } end || today <= end);

    /// <summary>Refuses with a clear reason unless the appeal takes endorsements on <paramref name="today"/>.</summary>
    public void EnsureTakesEndorsements(DateOnly today)
    {
        switch (Status)
        {
            case AppealStatus.Open when EndsOn is { } end && today > end:
                throw new AppealRuleException(ClosedMessage);
            case AppealStatus.Open:
                return;
            case AppealStatus.Closed:
                throw new AppealRuleException(ClosedMessage);
            case AppealStatus.Draft:
                throw new AppealRuleException(NotOpenMessage);
            default:
                throw new ArgumentOutOfRangeException(nameof(Status), Status, null);
        }
    }
}
