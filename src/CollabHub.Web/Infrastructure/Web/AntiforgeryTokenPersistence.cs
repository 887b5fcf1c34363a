using Microsoft.AspNetCore.Components.Forms;

namespace CollabHub.Web.Infrastructure.Web;

/// <summary>
/// Keeps Blazor from writing the antiforgery token into every page's persisted component state.
/// </summary>
/// <remarks>
/// <para>Blazor registers its <see cref="AntiforgeryStateProvider"/> as a persisted service, so interactive components
/// can render the token. With one interactive render mode configured, it writes that state on every server-rendered
/// page, whether or not the page starts a circuit. Reading the token for it generates one, with its cookie. So a
/// visitor's first page, with no form at all, came with a <c>Set-Cookie</c> and <c>Cache-Control: no-store</c>, and the
/// visitors' page cache (<see cref="PublicPageCachePolicy"/>) could not store it. Each page also carried a 1.2 KB
/// encrypted comment, and the app spent two data-protection operations on it.</para>
/// <para>No interactive component here posts a form over HTTP: their forms act over the circuit, which needs no token.
/// So the token is not persisted. Server-rendered forms still get theirs, and the cookie, from the request, as before.
/// A new interactive component that renders an HTTP form would need this undone.</para>
/// </remarks>
public static class AntiforgeryTokenPersistence
{
    /// <summary>
    /// Removes the registration that persists <see cref="AntiforgeryStateProvider"/>. Call after
    /// <c>AddRazorComponents</c>. Throws if there is none, so a framework that registers it differently is noticed at startup.
    /// </summary>
    public static IServiceCollection WithoutPersistedAntiforgeryToken(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The registration's types are the framework's own (internal): it is found by shape, an instance of a generic
        // registration whose argument is the provider.
        var registration = services.SingleOrDefault(d =>
            d.ServiceType.Name == "IPersistentServiceRegistration"
            && d.ImplementationInstance?.GetType() is { IsGenericType: true } type
            && type.GetGenericArguments()[0] == typeof(AntiforgeryStateProvider))
            ?? throw new InvalidOperationException(
                "Blazor no longer registers the antiforgery token as persisted state the way AntiforgeryTokenPersistence expects; check what a visitor's first page sends.");
        services.Remove(registration);
        return services;
    }
}
