using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>What one of the app's own instruments records, for tests of batching (how many decisions or messages each commit carried).</summary>
public static class AppMeasurements
{
    /// <summary>
    /// Adds every measurement of <paramref name="app"/>'s instrument <paramref name="name"/> to <paramref name="into"/>
    /// (under its lock) until the returned listener is disposed. Other apps' instruments of the same name are ignored.
    /// </summary>
    public static MeterListener Record(WebApplicationFactory<Program> app, string name, List<int> into)
    {
        var listener = new MeterListener();
        var ours = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == ours && instrument.Name == name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            lock (into)
            {
                into.Add(value);
            }
        });
        listener.Start();
        return listener;
    }
}
