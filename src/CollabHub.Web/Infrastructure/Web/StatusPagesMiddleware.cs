using Microsoft.AspNetCore.Diagnostics;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// Sits just inside the framework's re-execute middleware so every bodiless error gets the site's status page.
/// The framework skips responses that carry a content type, and Blazor answers a refused form post with 400,
/// <c>text/html</c> and no body; and it re-executes with the original method, so a POST would hit the page's
/// form handling again (the exception handler's re-execution too). Here an empty error response drops its content
/// type, and a re-executed request is a GET.
/// </summary>
public sealed class StatusPagesMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (reExecuted && !HttpMethods.IsGet(request.Method))
        {
            var method = request.Method;
            request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                request.Method = method;
            }

            return;
        }

        await next(context);

        var response = context.Response;
        if (response.StatusCode is >= 400 and <= 599 && !response.HasStarted && response.ContentLength is null or 0)
        {
            response.ContentType = null;
        }
    }
}
