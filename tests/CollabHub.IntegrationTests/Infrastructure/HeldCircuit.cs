using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Holds a page's Blazor circuit back until released, as a slow link or a busy server does: until then the page is what
/// the server prerendered, with no live part.
/// </summary>
public sealed class HeldCircuit
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeldCircuit()
    {
    }

    /// <summary>Holds the circuits of every page <paramref name="page"/> loads from now on, until <see cref="Release"/>.</summary>
    public static async Task<HeldCircuit> HoldAsync(IPage page)
    {
        var held = new HeldCircuit();
        await page.RouteAsync(url => url.Contains("/_blazor/negotiate", StringComparison.Ordinal), async route =>
        {
            await held.released.Task;
            await route.ContinueAsync();
        });
        return held;
    }

    public void Release() => released.TrySetResult();
}
