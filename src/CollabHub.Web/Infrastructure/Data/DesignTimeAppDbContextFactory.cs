using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>
/// Builds a context outside the app: for <c>dotnet ef</c> (which would otherwise start the app and provision a
/// database) and for tools and tests that talk to a database directly.
/// </summary>
public sealed class DesignTimeAppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => Create("Host=design-time-only");

    public static AppDbContext Create(string connectionString)
    {
        // Identity reads its schema version from the app's IdentityOptions; give this context the same one.
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(MembersFeature.ConfigureIdentity)
            .BuildServiceProvider();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(services);
        AppDbContextOptions.Configure(options, connectionString);
        return new AppDbContext(options.Options);
    }
}
