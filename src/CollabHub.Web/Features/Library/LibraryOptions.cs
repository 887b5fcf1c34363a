using System.ComponentModel.DataAnnotations;

namespace CollabHub.Web.Features.Library;

/// <summary>The <c>Library</c> settings.</summary>
public sealed class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>Where uploaded files live; empty means <c>files/</c> under the app's data folder.</summary>
    public string? StorageRoot { get; set; }

    /// <summary>The largest file accepted, in bytes (50 MB by default).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileSizeBytes { get; set; } = 50L * 1024 * 1024;

    [Range(1, 20)]
    public int MaxFilesPerResource { get; set; } = 5;

    /// <summary>How often the text extractor looks for files when nothing woke it.</summary>
    public TimeSpan ExtractionPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>False on instances that should leave extraction to another instance.</summary>
    public bool ExtractionEnabled { get; set; } = true;

    /// <summary>
    /// A search looks at no more than this many matches, the most recently approved first: it ranks them, counts them
    /// and their facets, and says "300+" when there are more. Measured at 100,000 generated resources, ranking and
    /// counting every match of a common word took seconds; 300 keeps a page's statement within a few milliseconds.
    /// </summary>
    [Range(1, 100_000)]
    public int SearchMatchLimit { get; set; } = 300;

    /// <summary>
    /// Browsing without words looks at no more than this many resources, the most recently approved that pass the
    /// filters: it counts and facets them, orders them as asked and says "300+" when there are more. Counting and
    /// faceting every visible resource cost 185 ms of database CPU a page at 30,000 resources.
    /// </summary>
    [Range(1, 100_000)]
    public int BrowseLimit { get; set; } = 300;

    /// <summary>How many searches run in the database at once; more wait their turn (see <see cref="LibrarySearchGate"/>).</summary>
    [Range(1, 100)]
    public int SearchConcurrency { get; set; } = 4;

    /// <summary>The request limit for the upload forms: every file at its largest, plus the form's text.</summary>
    public long MaxRequestBytes => (MaxFileSizeBytes * MaxFilesPerResource) + (1024 * 1024);

    /// <summary>The size limit as people read it ("50 MB").</summary>
    public string MaxFileSizeText => MaxFileSizeBytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MaxFileSizeBytes / (1024.0 * 1024):0.#} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MaxFileSizeBytes / 1024.0:0.#} KB");
}
