namespace CollabHub.Web.Features.Home;

/// <summary>A recently active thread in one of the member's groups.</summary>
public sealed record HomeThread(Guid ThreadId, string Title, string GroupSlug, string GroupName, int PostCount, DateTimeOffset LastActivityAt)
{
    public string Url => $"groups/{GroupSlug}/discussions/{ThreadId:D}";
}
