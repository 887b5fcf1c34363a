namespace CollabHub.Benchmarks.Events;

/// <summary>One wave of button presses: each answer's latency from its intended moment, and when the last answer came.</summary>
public sealed record RaceResult(Latency Latency, TimeSpan LastAnswer);
