namespace CollabHub.Web.Infrastructure.Data;

/// <summary>One demo-content step that has run, so it never runs twice (even after its data was deleted).</summary>
public class SeedHistory
{
    public string Key { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }
}
