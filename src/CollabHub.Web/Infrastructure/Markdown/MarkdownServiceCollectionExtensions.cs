namespace CollabHub.Web.Infrastructure.Markdown;

public static class MarkdownServiceCollectionExtensions
{
    /// <summary>Registers the shared <see cref="MarkdownRenderer"/> (a singleton: it holds no per-request state).</summary>
    public static IServiceCollection AddMarkdown(this IServiceCollection services) =>
        services.AddSingleton<MarkdownRenderer>();
}
