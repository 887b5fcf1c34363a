using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Infrastructure.Benchmarks;

/// <summary>A probe page: the site's 404 unless the benchmark tool turned probes on (<see cref="BenchmarkProbes.Setting"/>).</summary>
public abstract class BenchProbePage : ComponentBase
{
    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Whether probes are on, so the page renders what it measures.</summary>
    protected bool Enabled { get; private set; }

    protected override void OnInitialized()
    {
        Enabled = Configuration.GetValue<bool>(BenchmarkProbes.Setting);
        if (!Enabled)
        {
            Navigation.NotFound();
        }
    }
}
