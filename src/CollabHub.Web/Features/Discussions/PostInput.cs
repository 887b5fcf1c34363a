namespace CollabHub.Web.Features.Discussions;

/// <summary>What the static new-thread and reply forms post; validated by the service, not here.</summary>
public sealed class PostInput
{
    public string? Title { get; set; }

    public string? Body { get; set; }

    public Guid? ReplyTo { get; set; }
}
