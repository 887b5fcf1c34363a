using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace CollabHub.UnitTests.Notifications;

public sealed class UnsubscribeTokensTests
{
    private readonly UnsubscribeTokens tokens = new(
        new EphemeralDataProtectionProvider(),
        new PublicUrls(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://hub.example/" }).Build()));

    [Fact]
    public void Read_OwnToken_GivesBackMemberAndScope()
    {
        Assert.Equal(new UnsubscribeScope("member-1", NotificationKind.Mention), tokens.Read(tokens.Create(new UnsubscribeScope("member-1", NotificationKind.Mention))));
        Assert.True(tokens.Read(tokens.Create(new UnsubscribeScope("member-1", null)))!.IsDigest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("bWVtYmVyLTIKTWVudGlvbg")]
    public void Read_ForgedOrGarbage_IsNull(string token) => Assert.Null(tokens.Read(token));

    [Fact]
    public void Link_IsAbsoluteOnThePublicAddress()
    {
        var link = tokens.Link(new UnsubscribeScope("member-1", NotificationKind.Reply));

        Assert.StartsWith("https://hub.example/notifications/unsubscribe?token=", link.AbsoluteUri);
    }
}
