using System.Text.Json;
using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Watches a page from its first byte for content that vanishes: once something matching a selector has been shown,
/// every change of the page after which nothing matches it is counted. A live island whose first render comes before
/// its data blanks what the prerendered page showed, for as long as the data takes to arrive.
/// </summary>
public static class VanishWatch
{
    /// <summary>Starts watching on every page this <paramref name="page"/> loads from now on.</summary>
    public static Task StartAsync(IPage page, params string[] selectors) =>
        page.AddInitScriptAsync($$"""
            (() => {
                const selectors = {{JsonSerializer.Serialize(selectors)}};
                const seen = new Set();
                window.vanishedMoments = Object.fromEntries(selectors.map(s => [s, 0]));
                new MutationObserver(() => {
                    for (const selector of selectors) {
                        if (document.querySelector(selector)) {
                            seen.add(selector);
                        } else if (seen.has(selector)) {
                            window.vanishedMoments[selector]++;
                        }
                    }
                }).observe(document, { childList: true, subtree: true });
            })()
            """);

    /// <summary>How many changes of the page left it without what <paramref name="selector"/> had found.</summary>
    public static Task<int> MomentsAsync(IPage page, string selector) =>
        page.EvaluateAsync<int>("selector => window.vanishedMoments[selector]", selector);
}
