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

    /// <summary>
    /// A WebSocket request (a circuit, a hub connection) keeps its request's services for as long as it is open; what
    /// the validator takes from them (a DbContext, and with it a database connection) must not stay with it.
    /// </summary>
    [Fact]
    public async Task ValidateOnlyWhenDue_DueTicket_ValidatesWithServicesOfItsOwn_DisposedWhenItHasDecided()
    {
        ValidationStore? used = null;
        IServiceProvider? request = null;
        var http = await ValidateAsync(Now - TimeSpan.FromSeconds(61), context =>
        {
            used = context.HttpContext.RequestServices.GetRequiredService<ValidationStore>();
            Assert.False(used.Disposed);
            return Task.CompletedTask;
        }, services => request = services);

        Assert.NotNull(used);
        Assert.True(used.Disposed);
        Assert.Same(request, http.RequestServices);
        Assert.False(http.RequestServices.GetRequiredService<ValidationStore>().Disposed);
    }

    private static async Task<bool> ValidatorCalledAsync(DateTimeOffset? issued)
    {
        var called = false;
        await ValidateAsync(issued, _ =>
        {
            called = true;
            return Task.CompletedTask;
        });
        return called;
    }

    /// <summary>Runs the wrapped cookie event as the app configures it, by the validator's own clock, in a request's scope.</summary>
    private static async Task<HttpContext> ValidateAsync(
        DateTimeOffset? issued, Func<CookieValidatePrincipalContext, Task> validator, Action<IServiceProvider>? requestServices = null)
    {
        var options = new CookieAuthenticationOptions();
        options.Events.OnValidatePrincipal = validator;
        SecurityStampSchedule.ValidateOnlyWhenDue(options);

        var services = new ServiceCollection()
            .Configure<SecurityStampValidatorOptions>(o =>
            {
                o.ValidationInterval = Interval;
                o.TimeProvider = new FixedTime(Now);
            })
            .AddScoped<ValidationStore>()
            .BuildServiceProvider();
        var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        requestServices?.Invoke(scope.ServiceProvider);
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), new AuthenticationProperties { IssuedUtc = issued }, scheme.Name);
        await options.Events.ValidatePrincipal(new CookieValidatePrincipalContext(http, scheme, options, ticket));
        return http;
    }

    /// <summary>Stands for the scoped store and DbContext Identity's validator takes.</summary>
    private sealed class ValidationStore : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
