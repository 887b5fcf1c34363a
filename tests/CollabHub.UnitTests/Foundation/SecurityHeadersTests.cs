using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;

namespace CollabHub.UnitTests.Foundation;

public sealed class SecurityHeadersTests
{
    [Fact]
    public void ContentSecurityPolicy_OverHttps_AllowsOnlySecureSocketToSameHost()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "https";
        request.Host = new HostString("hub.example.org");

        var csp = SecurityHeadersMiddleware.ContentSecurityPolicy(request);

        Assert.Contains("connect-src 'self' wss://hub.example.org;", csp);
        Assert.DoesNotContain("ws://", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
    }
}
