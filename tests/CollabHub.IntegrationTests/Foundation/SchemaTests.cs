using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>db/schema.sql and the migrations can't drift from the model, or from each other.</summary>
public sealed class SchemaTests
{
    [Fact]
    public void Model_HasNoChangesMissingFromMigrations()
    {
        using var db = new DesignTimeAppDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run 'dotnet ef migrations add' (see README).");
    }

    [Fact]
    public void SchemaScript_MatchesIdempotentScriptOfAllMigrations()
    {
        using var db = new DesignTimeAppDbContextFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var actual = File.ReadAllText(Path.Combine(RepositoryRoot(), "db", "schema.sql"));

        Assert.True(
            Normalize(expected) == Normalize(actual),
            "db/schema.sql is out of date: regenerate it with 'dotnet ef migrations script --idempotent' (see README).");
    }

    private static string Normalize(string sql) => sql.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollabHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CollabHub.sln not found above " + AppContext.BaseDirectory);
    }
}
