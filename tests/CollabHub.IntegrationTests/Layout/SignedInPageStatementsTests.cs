using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Layout;

/// <summary>How many statements the signed-in pages the benchmark measures cost (connection opens left out: the pool's business).</summary>
public sealed class SignedInPageStatementsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/members", 2)] // the header's counts, and the directory's page with its total (was 3: the total apart)
    // The header's (with the member's time zone), notifications, threads, moderation, groups, library and events (was 10:
    // the library's featured and newest apart, and the colleagues' query, now made only when someone else is connected;
    // then 8, the zone apart).
    [InlineData("/", 7)]
    public async Task Page_SignedInMember_ReadsInItsStatements(string path, int expected)
    {
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await browser.OpenAsync(path);
        using var statements = new StatementCounter(fixture.ConnectionString);

        await browser.OpenAsync(path);

        Assert.Equal(expected, statements.Statements.Count(s => !s.StartsWith("CONNECT", StringComparison.Ordinal)));
    }
}
