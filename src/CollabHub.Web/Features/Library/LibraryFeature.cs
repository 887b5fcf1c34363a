using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.Features;

namespace CollabHub.Web.Features.Library;

public static class LibraryFeature
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddOptions<LibraryOptions>()
            .BindConfiguration(LibraryOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.ExtractionPollInterval > TimeSpan.Zero, "Library:ExtractionPollInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<LibraryFileStore>();
        services.AddSingleton<ExtractionSignal>();
        services.AddScoped<LibraryService>();
        services.AddScoped<LibrarySearchService>();
        services.AddSingleton<LibrarySearchGate>();
        services.AddSingleton<LibraryStatistics>();
        services.AddScoped<CollectionService>();
        services.AddHostedService<TextExtractionWorker>();
        services.AddScoped<IDemoSeedStep, LibraryDemoSeed>();
        services.AddScoped<IPersonalDataSource, LibraryPersonalData>();
        // Multipart bodies as large as the library's uploads; Kestrel's own limit is raised per request by UseUploadLimits.
        services.AddOptions<FormOptions>().Configure<Microsoft.Extensions.Options.IOptions<LibraryOptions>>((form, library) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, library.Value.MaxRequestBytes));
        return services;
    }

    public static WebApplication MapLibrary(this WebApplication app)
    {
        LibraryEndpoints.UseUploadLimits(app);
        LibraryEndpoints.Map(app);
        return app;
    }
}
