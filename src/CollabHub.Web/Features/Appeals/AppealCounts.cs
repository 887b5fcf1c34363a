namespace CollabHub.Web.Features.Appeals;

/// <summary>Confirmed endorsements per capacity, counted from the rows themselves.</summary>
public sealed record AppealCounts(int States, int Organisations, int People)
{
    public static AppealCounts None { get; } = new(0, 0, 0);

    public int Total => States + Organisations + People;

    /// <summary>Progress toward <paramref name="goal"/> in whole percent, at most 100.</summary>
    public int PercentOf(int? goal) => goal is > 0 ? (int)Math.Min(100, Total * 100L / goal.Value) : 0;
}
