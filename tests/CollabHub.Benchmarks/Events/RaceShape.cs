namespace CollabHub.Benchmarks.Events;

/// <summary>The crowd of the registration race: registrants arriving within one second for fewer seats, then cancellations.</summary>
public sealed record RaceShape(int Registrants, int Seats, int Cancellations)
{
    /// <summary>The 1,000 for 100 seats and 50 cancellations; smaller crowds (same proportions) where members take long to sign in.</summary>
    public static RaceShape For(BenchmarkSize size) => size switch
    {
        BenchmarkSize.Tiny => new(40, 4, 2),
        BenchmarkSize.Quick => new(50, 5, 3),
        _ => new(1000, 100, 50),
    };

    /// <summary>The limit: everyone has an answer within two seconds of the first request.</summary>
    public static readonly TimeSpan DecidedWithin = TimeSpan.FromSeconds(2);

    /// <summary>The window the registrants arrive in, evenly spread.</summary>
    public static readonly TimeSpan ArrivalWindow = TimeSpan.FromSeconds(1);
}
