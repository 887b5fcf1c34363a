using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Library;

/// <summary>The library with browsing that looks at no more than <see cref="BrowseLimit"/> resources: a page and a bit of them exceed it.</summary>
public sealed class SmallBrowseLimitFixture(PostgresServer postgres) : LibraryFixture(postgres)
{
    public const int BrowseLimit = 25;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Library:BrowseLimit"] = BrowseLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
