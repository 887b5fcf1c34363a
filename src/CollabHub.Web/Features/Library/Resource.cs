namespace CollabHub.Web.Features.Library;

/// <summary>
/// A library entry: a document, video or dataset members share, curated by moderators. Its curation rules are the
/// behaviour methods below; each throws <see cref="LibraryRuleException"/> with a readable reason when refused and
/// records its step in <see cref="History"/>.
/// </summary>
public sealed class Resource
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 600;
    public const int DescriptionMaxLength = 20_000;
    public const int EntityMaxLength = 120;
    public const int LicenceMaxLength = 120;
    public const int UrlMaxLength = 2000;
    public const int SlugMaxLength = 80;
    public const int MaxTopics = 8;
    public const int MaxAuthors = 12;
    public const int NoteMaxLength = ResourceEvent.NoteMaxLength;

    /// <summary>How much extracted file text is kept per resource for search (the rest of a long file adds little).</summary>
    public const int FileTextMaxLength = 100_000;

    public Guid Id { get; init; }

    public required string Slug { get; init; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Description { get; private set; } = "";

    public ResourceType Type { get; private set; }

    public string? Entity { get; private set; }

    public List<string> Authors { get; private set; } = [];

    public DateOnly? PublishedOn { get; private set; }

    public List<string> Languages { get; private set; } = [];

    public List<string> Topics { get; private set; } = [];

    public List<int> Sdgs { get; private set; } = [];

    public string? Licence { get; private set; }

    public string? LinkUrl { get; private set; }

    /// <summary>The group whose visibility governs the resource; null for the site-wide library.</summary>
    public Guid? GroupId { get; init; }

    /// <summary>Null when the submitter's account is gone.</summary>
    public string? SubmitterId { get; init; }

    public ResourceStatus Status { get; private set; }

    /// <summary>The latest moderator's note: what to change, or why it was rejected. Shown to the submitter.</summary>
    public string? ModeratorNote { get; private set; }

    public bool IsFeatured { get; private set; }

    /// <summary>The text search configuration for the resource's first language (see <see cref="LibraryLanguages"/>).</summary>
    public string SearchConfig { get; private set; } = LibraryLanguages.FallbackConfig;

    /// <summary>Text extracted from its files, bounded by <see cref="FileTextMaxLength"/>; maintained by the extractor.</summary>
    public string FileText { get; private set; } = "";

    public int DownloadCount { get; private set; }

    public DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Bumped by every change: the optimistic concurrency token that stops two moderators overwriting each other.</summary>
    public int Version { get; private set; }

    public List<ResourceEvent> History { get; init; } = [];

    public List<ResourceFile> Files { get; init; } = [];

    public bool IsListed => Status == ResourceStatus.Approved;

    /// <summary>A new submission, pending review.</summary>
    public static Resource Submit(Guid id, string slug, ResourceDetails details, Guid? groupId, string submitterId, DateTimeOffset now)
    {
        var resource = new Resource { Id = id, Slug = slug, GroupId = groupId, SubmitterId = submitterId, SubmittedAt = now, Status = ResourceStatus.Pending };
        resource.Apply(details, now);
        resource.Record(submitterId, ResourceAction.Submitted, null, now);
        return resource;
    }

    /// <summary>
    /// Changes the details. The submitter may edit while the submission is open (pending or changes requested); an
    /// edit after a request for changes resubmits it. Moderators may edit at any time.
    /// </summary>
    public void Edit(ResourceDetails details, string editorId, bool asModerator, DateTimeOffset now)
    {
        if (!asModerator && Status is not (ResourceStatus.Pending or ResourceStatus.ChangesRequested))
        {
            throw new LibraryRuleException("Only a moderator can change a resource once it has been decided.");
        }

        Apply(details, now);
        if (!asModerator && Status == ResourceStatus.ChangesRequested)
        {
            Status = ResourceStatus.Pending;
            Record(editorId, ResourceAction.Resubmitted, null, now);
        }
        else
        {
            Record(editorId, ResourceAction.Edited, null, now);
        }
    }

    public void Approve(string moderatorId, DateTimeOffset now)
    {
        EnsurePending();
        Status = ResourceStatus.Approved;
        ModeratorNote = null;
        ApprovedAt = now;
        Record(moderatorId, ResourceAction.Approved, null, now);
    }

    public void RequestChanges(string moderatorId, string? note, DateTimeOffset now) =>
        Decide(ResourceStatus.ChangesRequested, ResourceAction.ChangesRequested, moderatorId, note, "Say what should change, so the submitter knows what to do.", now);

    public void Reject(string moderatorId, string? reason, DateTimeOffset now)
    {
        Decide(ResourceStatus.Rejected, ResourceAction.Rejected, moderatorId, reason, "Give the reason for rejecting, so the submitter understands.", now);
        IsFeatured = false;
    }

    public void SetFeatured(bool featured, string moderatorId, DateTimeOffset now)
    {
        if (featured && Status != ResourceStatus.Approved)
        {
            throw new LibraryRuleException("Only an approved resource can be featured.");
        }

        if (IsFeatured == featured)
        {
            return;
        }

        IsFeatured = featured;
        Record(moderatorId, featured ? ResourceAction.Featured : ResourceAction.Unfeatured, null, now);
    }

    public void Archive(string moderatorId, string? reason, DateTimeOffset now)
    {
        if (Status != ResourceStatus.Approved)
        {
            throw new LibraryRuleException("Only an approved resource can be archived.");
        }

        Status = ResourceStatus.Archived;
        IsFeatured = false;
        Record(moderatorId, ResourceAction.Archived, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
    }

    public void Restore(string moderatorId, DateTimeOffset now)
    {
        if (Status != ResourceStatus.Archived)
        {
            throw new LibraryRuleException("Only an archived resource can be restored.");
        }

        Status = ResourceStatus.Approved;
        Record(moderatorId, ResourceAction.Restored, null, now);
    }

    /// <summary>Refuses a change made from a page that showed an older version (another moderator acted meanwhile).</summary>
    public void EnsureVersion(int seenVersion)
    {
        if (seenVersion != Version)
        {
            throw new LibraryRuleException("Someone else changed this resource while you were looking at it. Review the current version and try again.");
        }
    }

    private void EnsurePending()
    {
        if (Status != ResourceStatus.Pending)
        {
            throw new LibraryRuleException("This submission has already been decided.");
        }
    }

    /// <summary>A decision that needs a note for the submitter; nothing changes when the note is missing.</summary>
    private void Decide(ResourceStatus status, ResourceAction action, string moderatorId, string? note, string noteMissing, DateTimeOffset now)
    {
        EnsurePending();
        var trimmed = (note ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new LibraryRuleException(noteMissing);
        }

        if (trimmed.Length > NoteMaxLength)
        {
            throw new LibraryRuleException($"Keep the note under {NoteMaxLength} characters.");
        }

        Status = status;
        ModeratorNote = trimmed;
        Record(moderatorId, action, trimmed, now);
    }

    private void Apply(ResourceDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        Summary = details.Summary;
        Description = details.Description;
        Type = details.Type;
        Entity = details.Entity;
        Authors = [.. details.Authors];
        PublishedOn = details.PublishedOn;
        Languages = [.. details.Languages];
        Topics = [.. details.Topics];
        Sdgs = [.. details.Sdgs];
        Licence = details.Licence;
        LinkUrl = details.LinkUrl;
        SearchConfig = LibraryLanguages.SearchConfigOf(details.Languages);
        UpdatedAt = now;
    }

    private void Record(string actorId, ResourceAction action, string? note, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        History.Add(new ResourceEvent { Id = Guid.CreateVersion7(now), ResourceId = Id, ActorId = actorId, Action = action, Note = note, At = now });
    }
}
