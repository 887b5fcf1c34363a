namespace CollabHub.Web.Infrastructure.Data;

/// <summary>A feature's share of the demo content. Each step runs once per database, in registration order.</summary>
public interface IDemoSeedStep
{
    /// <summary>A stable name recorded in <c>seed_history</c> once the step has run.</summary>
    string Key { get; }

    Task RunAsync(AppDbContext db, CancellationToken cancellationToken);
}
