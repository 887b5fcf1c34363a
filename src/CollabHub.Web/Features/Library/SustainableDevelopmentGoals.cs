using Microsoft.Extensions.Localization;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// The seventeen Sustainable Development Goals by their short names, so a goal reads "SDG 5: Gender equality" wherever
/// it is chosen or shown (a number alone asks the reader to know all seventeen by heart).
/// </summary>
public static class SustainableDevelopmentGoals
{
    public const int Count = 17;

    private static readonly string[] Names =
    [
        "No poverty",
        "Zero hunger",
        "Good health and well-being",
        "Quality education",
        "Gender equality",
        "Clean water and sanitation",
        "Affordable and clean energy",
        "Decent work and economic growth",
        "Industry, innovation and infrastructure",
        "Reduced inequalities",
        "Sustainable cities and communities",
        "Responsible consumption and production",
        "Climate action",
        "Life below water",
        "Life on land",
        "Peace, justice and strong institutions",
        "Partnerships for the goals",
    ];

    /// <summary>Whether <paramref name="goal"/> is one of the seventeen.</summary>
    public static bool IsGoal(int goal) => goal is >= 1 and <= Count;

    /// <summary>The goal's short name ("Gender equality"); <paramref name="goal"/> must be 1 to 17.</summary>
    public static string Name(int goal) =>
        IsGoal(goal) ? Names[goal - 1] : throw new ArgumentOutOfRangeException(nameof(goal), goal, "Goals are numbered 1 to 17.");

    /// <summary>"SDG 5: Gender equality", in the viewer's language ("SDG 18" for a number that is no goal).</summary>
    public static string Label(IStringLocalizer localizer, int goal)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return IsGoal(goal) ? localizer["SDG {0}: {1}", goal, localizer[Name(goal)]] : localizer["SDG {0}", goal];
    }
}
