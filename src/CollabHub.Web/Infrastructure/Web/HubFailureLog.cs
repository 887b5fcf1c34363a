using Microsoft.AspNetCore.SignalR;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// Logs a hub method's unexpected failures as errors, and leaves out the refusals a hub answers its caller with (a
/// <see cref="HubException"/>: a message too long, a channel the caller may not use) and calls cut short because the
/// connection went away.
/// </summary>
/// <remarks>
/// SignalR's own dispatcher logs every exception a hub method throws as an error, refusals included, so each message
/// a member made too long was an error in the log; its category is quietened in appsettings.json and this filter logs
/// what it used to that is worth an operator's attention.
/// </remarks>
public sealed class HubFailureLog(ILogger<HubFailureLog> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal)
        {
            logger.LogDebug("Hub method {Hub}.{Method} refused: {Reason}", invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, refusal.Message);
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Hub method {Hub}.{Method} failed", invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw;
        }
    }
}
