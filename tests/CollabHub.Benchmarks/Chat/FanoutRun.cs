namespace CollabHub.Benchmarks.Chat;

/// <summary>One hub and protocol: the fixed-rate phase (latency and integrity) and the overload phase (capacity).</summary>
public sealed record FanoutRun(
    HubKind Hub,
    string Protocol,
    double DeliveriesPerSecond,
    double P50,
    double P99,
    double P999,
    long Lost,
    long Duplicates,
    long Reordered,
    long Errors,
    int RefusedStarts,
    double CapacityPerSecond,
    double AppCpuPercent,
    long AppResidentMb,
    LoadSide.Cores Load)
{
    public bool Intact => Lost == 0 && Duplicates == 0 && Reordered == 0 && Errors == 0 && RefusedStarts == 0;
}
