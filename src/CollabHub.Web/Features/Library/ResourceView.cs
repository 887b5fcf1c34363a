namespace CollabHub.Web.Features.Library;

/// <summary>Everything a resource's page (or its review card) shows, already filtered for the viewer.</summary>
public sealed record ResourceView(
    Resource Resource,
    ResourceAccess Access,
    string? GroupName,
    string? GroupSlug,
    string SubmitterName,
    string DescriptionHtml,
    IReadOnlyList<ResourceView.FileLine> Files,
    IReadOnlyList<ResourceView.HistoryLine> History,
    IReadOnlyList<ResourceCard> Related,
    IReadOnlyList<CollectionLink> Collections,
    IReadOnlyList<CollectionLink> OtherCollections,
    TimeZoneInfo TimeZone)
{
    public sealed record FileLine(Guid Id, string FileName, long Size, FileKind Kind, int Downloads, ExtractionStatus Extraction);

    public sealed record HistoryLine(string ActorName, ResourceAction Action, string? Note, DateTimeOffset At);

    public string DownloadPath(FileLine file) => $"/library/{Resource.Id}/files/{file.Id}";
}
