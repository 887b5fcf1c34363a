namespace CollabHub.Web.Features.Library;

/// <summary>Where a stored file's text extraction stands. Stored by name.</summary>
public enum ExtractionStatus
{
    /// <summary>Waiting for the background extractor.</summary>
    Pending,

    /// <summary>Text extracted (possibly empty: a scanned PDF has none).</summary>
    Done,

    /// <summary>The file could not be read; it stays downloadable, just not searchable.</summary>
    Failed,

    /// <summary>Images: nothing to extract.</summary>
    NotApplicable,
}
