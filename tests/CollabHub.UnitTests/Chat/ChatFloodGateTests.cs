using CollabHub.Web.Features.Chat;
using Microsoft.Extensions.Options;

namespace CollabHub.UnitTests.Chat;

public sealed class ChatFloodGateTests
{
    [Fact]
    public void Take_BeyondTheLimitInTheWindow_IsRefused_AndAllowedAgainAfterIt()
    {
        var clock = new SteppingClock { Now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero) };
        var gate = new ChatFloodGate(clock, Options.Create(new ChatOptions()));
        var channel = Guid.NewGuid();
        for (var i = 0; i < 10; i++)
        {
            gate.Take("u", channel, isNewAccount: false);
        }

        var refused = Assert.Throws<ChatRefusedException>(() => gate.Take("u", channel, isNewAccount: false));
        gate.Take("u", Guid.NewGuid(), isNewAccount: false);
        clock.Now += TimeSpan.FromSeconds(10);
        gate.Take("u", channel, isNewAccount: false);

        Assert.Contains("at most 10 in 10 seconds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Take_ByANewAccount_HasTheStricterLimit()
    {
        var gate = new ChatFloodGate(TimeProvider.System, Options.Create(new ChatOptions()));
        var channel = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            gate.Take("new", channel, isNewAccount: true);
        }

        Assert.Throws<ChatRefusedException>(() => gate.Take("new", channel, isNewAccount: true));
    }

    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
