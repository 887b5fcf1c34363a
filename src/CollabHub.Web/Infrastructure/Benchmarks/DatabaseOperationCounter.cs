using System.Diagnostics.Metrics;

namespace CollabHub.Web.Infrastructure.Benchmarks;

/// <summary>
/// Counts the database operations the process has sent, from Npgsql's own meter: one measurement of
/// <c>db.client.operation.duration</c> per command or batch executed, each one round trip (a transaction's COMMIT is
/// one more, which it does not count). Read at once, where PostgreSQL's <c>pg_stat_database</c> reaches its view only
/// when each backend reports, up to 10 s after it goes idle.
/// </summary>
public sealed class DatabaseOperationCounter : IDisposable
{
    private const string MeterName = "Npgsql";
    private const string InstrumentName = "db.client.operation.duration";

    private readonly MeterListener listener = new();
    private long count;

    public DatabaseOperationCounter()
    {
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName)
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref count));
        listener.Start();
    }

    /// <summary>Operations executed since this counter was made.</summary>
    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
