namespace CollabHub.Web.Features.Library;

/// <summary>The addresses of the demo library's documents, stable so links in the demo content and tests can name them.</summary>
public static class LibraryDemoSlugs
{
    public const string BehaviouralScience = "guidance-note-on-behavioural-science";

    public static IReadOnlyList<string> All { get; } =
    [
        BehaviouralScience,
        "liquidity-and-debt-solutions-to-invest-in-the-sdgs",
        "our-common-agenda",
        "the-highest-aspiration-call-to-action-for-human-rights",
        "roadmap-for-digital-cooperation",
    ];
}
