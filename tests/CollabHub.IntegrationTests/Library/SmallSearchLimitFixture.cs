using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Library;

/// <summary>The library with a search that looks at no more than <see cref="MatchLimit"/> matches, so a handful of resources exceed it.</summary>
public sealed class SmallSearchLimitFixture(PostgresServer postgres) : LibraryFixture(postgres)
{
    public const int MatchLimit = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Library:SearchMatchLimit"] = MatchLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
