using CollabHub.Web.Infrastructure.Data;
using Npgsql;
using NpgsqlTypes;

namespace CollabHub.UnitTests.Foundation;

public sealed class PositionalStatementTests
{
    [Fact]
    public void Placeholders_BecomePositions_InTheOrderTheyFirstOccur_OperatorsStay()
    {
        var statement = PositionalStatement.From(
            "SELECT 1 FROM t WHERE (@q = '' OR t.v @@ to_tsquery(@q)) AND t.tags @> ARRAY[@tag] AND @tag <@ t.tags AND t.n = @n_2");

        Assert.Equal("SELECT 1 FROM t WHERE ($1 = '' OR t.v @@ to_tsquery($1)) AND t.tags @> ARRAY[$2] AND $2 <@ t.tags AND t.n = $3", statement.Sql);
        Assert.Equal(["q", "tag", "n_2"], statement.Names);
    }

    [Fact]
    public void Bind_AddsTheValuesUnnamed_InTheirPositions()
    {
        var statement = PositionalStatement.From("SELECT @b, @a");
        using var command = new NpgsqlCommand(statement.Sql);

        statement.Bind(command.Parameters, [new NpgsqlParameter("a", NpgsqlDbType.Integer) { Value = 1 }, new NpgsqlParameter("b", NpgsqlDbType.Text) { Value = "x" }]);

        Assert.Equal(["x", 1], command.Parameters.Select(p => p.Value));
        Assert.All(command.Parameters, p => Assert.Equal("", p.ParameterName));
    }

    [Fact]
    public void Bind_RefusesAMissingAnExtraOrADoubledValue()
    {
        var statement = PositionalStatement.From("SELECT @a, @b");

        Assert.Contains("@b", Assert.Throws<ArgumentException>(() => Bind(statement, ("a", 1))).Message);
        Assert.Contains("@c", Assert.Throws<ArgumentException>(() => Bind(statement, ("a", 1), ("b", 2), ("c", 3))).Message);
        Assert.Contains("@a", Assert.Throws<ArgumentException>(() => Bind(statement, ("a", 1), ("a", 2), ("b", 3))).Message);
    }

    private static void Bind(PositionalStatement statement, params (string Name, int Value)[] values)
    {
        using var command = new NpgsqlCommand(statement.Sql);
        statement.Bind(command.Parameters, values.Select(v => new NpgsqlParameter(v.Name, NpgsqlDbType.Integer) { Value = v.Value }));
    }
}
