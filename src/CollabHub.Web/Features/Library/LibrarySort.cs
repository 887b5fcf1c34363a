namespace CollabHub.Web.Features.Library;

public enum LibrarySort
{
    /// <summary>Best match first when searching; newest when not.</summary>
    Relevance,
    Newest,
    MostDownloaded,
}
