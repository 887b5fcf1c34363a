using CollabHub.Web.Infrastructure.Data.LocalPostgres;

namespace CollabHub.UnitTests.Foundation;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("collabhub-bin-").FullName;

    [Theory]
    [InlineData("15", 15)]
    [InlineData("pgsql-16", 16)]
    [InlineData("9.6", 9)]
    [InlineData("main", -1)]
    public void MajorVersion_ReadsLeadingNumberOfFolderName(string name, int expected) =>
        Assert.Equal(expected, PostgresBinaries.MajorVersion(name));

    [Fact]
    public void Find_ConfiguredFolderWithoutServerPrograms_ReturnsNullRatherThanAnotherInstallation() =>
        Assert.Null(PostgresBinaries.Find(folder));

    [Fact]
    public void Find_ConfiguredFolderWithInitdbAndPgCtl_ReturnsIt()
    {
        File.WriteAllText(Path.Combine(folder, "initdb"), "");
        File.WriteAllText(Path.Combine(folder, "pg_ctl"), "");

        Assert.Equal(folder, PostgresBinaries.Find(folder));
    }

    [Fact]
    public void VersionedDirectories_ListsNewestMajorVersionFirst()
    {
        foreach (var version in new[] { "9.6", "15", "13" })
        {
            Directory.CreateDirectory(Path.Combine(folder, version));
        }

        var names = PostgresBinaries.VersionedDirectories(folder, "*").Select(Path.GetFileName);

        Assert.Equal(["15", "13", "9.6"], names);
    }

    [Fact]
    public void NotFoundMessage_IsOneSentenceNamingThePackageAndTheSetting()
    {
        var message = PostgresBinaries.NotFoundMessage;

        Assert.Contains("'postgresql' package", message);
        Assert.Contains("ConnectionStrings__CollabHub", message);
        Assert.EndsWith(".", message);
        Assert.Single(message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
