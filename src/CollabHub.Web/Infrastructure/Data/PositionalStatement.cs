using System.Text.RegularExpressions;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>
/// A statement written with named placeholders (<c>@q</c>, readable where it is written) and sent with positional ones
/// (<c>$1</c>). Npgsql parses a statement's whole text on every execution to rewrite named placeholders; a statement
/// whose parameters are all positional it sends as it is. The library's statement is about 20 KB of SQL: its parse was
/// 4.4% of the app's CPU for a signed-in library page (a <c>dotnet-trace</c> profile, <c>SqlQueryParser.ParseRawQuery</c>).
/// </summary>
/// <remarks>
/// Every <c>@name</c> that is not part of an operator (<c>@@</c>, <c>@&gt;</c>) is a placeholder, in comments too; the
/// statements this serves write no <c>@</c> inside string literals. Each name gets one position, however often it occurs.
/// </remarks>
public sealed partial class PositionalStatement
{
    private readonly Dictionary<string, int> positions;

    private PositionalStatement(string sql, Dictionary<string, int> positions)
    {
        Sql = sql;
        this.positions = positions;
    }

    /// <summary>The text to send, with <c>$1</c>, <c>$2</c>… for the names in the order they first occur.</summary>
    public string Sql { get; }

    /// <summary>The placeholders' names, in their positions' order.</summary>
    public IReadOnlyList<string> Names => [.. positions.OrderBy(p => p.Value).Select(p => p.Key)];

    public static PositionalStatement From(string namedSql)
    {
        ArgumentNullException.ThrowIfNull(namedSql);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var sql = Placeholder().Replace(namedSql, match =>
        {
            var name = match.Groups[1].Value;
            if (!positions.TryGetValue(name, out var position))
            {
                position = positions.Count + 1;
                positions.Add(name, position);
            }

            return "$" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        return new PositionalStatement(sql, positions);
    }

    /// <summary>
    /// Adds <paramref name="named"/> to <paramref name="target"/> in the statement's positions, without their names.
    /// Throws when a placeholder has no parameter or a parameter no placeholder, so a statement and its values cannot drift apart.
    /// </summary>
    public void Bind(NpgsqlParameterCollection target, IEnumerable<NpgsqlParameter> named)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(named);
        var ordered = new NpgsqlParameter?[positions.Count];
        foreach (var parameter in named)
        {
            if (!positions.TryGetValue(parameter.ParameterName, out var position))
            {
                throw new ArgumentException($"The statement has no placeholder @{parameter.ParameterName}.", nameof(named));
            }

            if (ordered[position - 1] is not null)
            {
                throw new ArgumentException($"Two values for the placeholder @{parameter.ParameterName}.", nameof(named));
            }

            parameter.ParameterName = "";
            ordered[position - 1] = parameter;
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            target.Add(ordered[i] ?? throw new ArgumentException($"No value for the placeholder @{Names[i]}.", nameof(named)));
        }
    }

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_]\w*)")]
    private static partial Regex Placeholder();
}
