using System.Security.Claims;
using CollabHub.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace CollabHub.UnitTests.Foundation;

public sealed class HubFailureLogTests
{
    [Fact]
    public async Task InvokeMethod_ThatFailsUnexpectedly_IsLoggedAsAnError_AndStillFailsForTheCaller()
    {
        var logger = new ListLogger();
        var filter = new HubFailureLog(logger);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await filter.InvokeMethodAsync(Invocation(TestContext.Current.CancellationToken), _ => throw new InvalidOperationException("The database went away")));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Hub method ProbeHub.Work failed", entry.Message);
    }

    [Fact]
    public async Task InvokeMethod_ThatRefusesTheCaller_IsNoError()
    {
        var logger = new ListLogger();
        var filter = new HubFailureLog(logger);

        var refusal = await Assert.ThrowsAsync<HubException>(async () =>
            await filter.InvokeMethodAsync(Invocation(TestContext.Current.CancellationToken), _ => throw new HubException("Messages can be at most 4000 characters.")));

        Assert.Equal("Messages can be at most 4000 characters.", refusal.Message);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task InvokeMethod_CutShortByTheConnectionClosing_IsNoError()
    {
        var logger = new ListLogger();
        var filter = new HubFailureLog(logger);
        using var closed = new CancellationTokenSource();
        await closed.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await filter.InvokeMethodAsync(Invocation(closed.Token), _ => throw new OperationCanceledException(closed.Token)));

        Assert.Empty(logger.Entries);
    }

    private static HubInvocationContext Invocation(CancellationToken aborted) =>
        new(new ProbeCallerContext(aborted), new EmptyServices(), new ProbeHub(), typeof(ProbeHub).GetMethod(nameof(ProbeHub.Work))!, []);

    private sealed class ProbeHub : Hub
    {
        public static void Work()
        {
        }
    }

    private sealed class ProbeCallerContext(CancellationToken aborted) : HubCallerContext
    {
        public override string ConnectionId => "probe";

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => null;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => aborted;

        public override void Abort()
        {
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class ListLogger : ILogger<HubFailureLog>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
