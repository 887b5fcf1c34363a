namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// The crowd of the fan-out scenario: channels of ten plus one large channel, and the send rates that together offer
/// <see cref="OfferedDeliveries"/> deliveries per second (half in the small channels, half in the large one).
/// </summary>
public sealed record FanoutShape(int Members, int SmallChannels, int BigChannelSize, double SmallRate, double BigRate)
{
    public const int SmallChannelSize = 10;

    public static FanoutShape For(BenchmarkSize size) => size switch
    {
        BenchmarkSize.Tiny => new(10, 2, 10, 20, 2),
        BenchmarkSize.Quick => new(100, 100, 200, 500, 25),
        _ => new(100, 500, 1000, 500, 5),
    };

    public int Connections => SmallChannels * SmallChannelSize + BigChannelSize;

    public double OfferedDeliveries => SmallRate * SmallChannelSize + BigRate * BigChannelSize;
}
