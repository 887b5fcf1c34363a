using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// An interactive island whose first render waits for its data. Islands are prerendered with their data, and the first
/// live render replaces what the prerender showed: rendered before the data came (as <see cref="ComponentBase"/> does
/// while <c>OnInitializedAsync</c> awaits), an island showed nothing, or "loading", until it did. On a slow link that
/// was a blink of every badge on every page, and a second or more of an empty chat. Until the first render the browser
/// keeps the prerendered markup, which is what the member was already looking at.
/// </summary>
public abstract class LoadFirstComponent : ComponentBase
{
    private Task? loading;
    private bool loaded;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);

        // One load, however often the parameters are set while it runs; the finished task (and what its state machine
        // still refers to) is not kept for the circuit's life.
        if (!loaded)
        {
            await (loading ??= LoadAsync());
            loaded = true;
            loading = null;
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>Reads what the first render shows. Runs once, before it, with the parameters set.</summary>
    protected abstract Task LoadAsync();
}
