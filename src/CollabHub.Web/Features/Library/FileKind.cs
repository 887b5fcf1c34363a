namespace CollabHub.Web.Features.Library;

/// <summary>The file types the library accepts, as recognised from their content. Stored by name.</summary>
public enum FileKind
{
    Pdf,
    Word,
    PowerPoint,
    Excel,
    Csv,
    Text,
    Png,
    Jpeg,
    Webp,
}
