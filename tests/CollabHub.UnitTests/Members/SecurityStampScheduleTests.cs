using System.Security.Claims;
using CollabHub.Web.Features.Members.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.UnitTests.Members;

public sealed class SecurityStampScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ValidateOnlyWhenDue_TicketIssuedWithinTheInterval_SkipsTheValidator()
    {
        Assert.False(await ValidatorCalledAsync(issued: Now - TimeSpan.FromSeconds(59)));
    }

    [Fact]
    public async Task ValidateOnlyWhenDue_TicketOlderThanTheInterval_CallsTheValidator()
    {
        Assert.True(await ValidatorCalledAsync(issued: Now - TimeSpan.FromSeconds(61)));
    }

    [Fact]
    public async Task ValidateOnlyWhenDue_TicketWithoutIssueTime_CallsTheValidator()
    {
        Assert.True(await ValidatorCalledAsync(issued: null));
    }

    /// <summary>Runs the wrapped cookie event as the app configures it, by the validator's own clock.</summary>
    private static async Task<bool> ValidatorCalledAsync(DateTimeOffset? issued)
    {
        var called = false;
        var options = new CookieAuthenticationOptions();
        options.Events.OnValidatePrincipal = _ =>
        {
            called = true;
            return Task.CompletedTask;
        };
        SecurityStampSchedule.ValidateOnlyWhenDue(options);

        var services = new ServiceCollection()
            .Configure<SecurityStampValidatorOptions>(o =>
            {
                o.ValidationInterval = Interval;
                o.TimeProvider = new FixedTime(Now);
            })
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), new AuthenticationProperties { IssuedUtc = issued }, scheme.Name);
        await options.Events.ValidatePrincipal(new CookieValidatePrincipalContext(http, scheme, options, ticket));
        return called;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
