namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// The crowd of the fan-out scenario: channels of ten plus one large channel, and the send rates that together offer
/// <see cref="OfferedDeliveries"/> deliveries per second (half in the small channels, half in the large one). Each member
/// holds six connections (three at the tiny size), more than the one to three tabs or devices a real member has. It was
/// 60 (100 members): every send moves its sender's read position, which goes to all of the sender's connections, so
/// those messages outnumbered the deliveries three to one and the figure measured a crowd no hub serves.
/// </summary>
public sealed record FanoutShape(int Members, int SmallChannels, int BigChannelSize, double SmallRate, double BigRate)
{
    public const int SmallChannelSize = 10;

    public static FanoutShape For(BenchmarkSize size) => size switch
    {
        BenchmarkSize.Tiny => new(10, 2, 10, 20, 2),
        BenchmarkSize.Quick => new(50, 25, 50, 500, 100),
        _ => new(1000, 500, 1000, 500, 5),
    };

    public int Connections => SmallChannels * SmallChannelSize + BigChannelSize;

    public int ConnectionsPerMember => Connections / Members;

    public double OfferedDeliveries => SmallRate * SmallChannelSize + BigRate * BigChannelSize;
}
