using System.Diagnostics;
using Npgsql;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the statements one database receives for HTTP requests while it is open, from Npgsql's own activities (one
/// per command or batch, EF's and raw alike) inside the server's request activity, so a test can say how many round
/// trips a page costs, whatever background workers do meanwhile. Given another <c>parentSource</c>, it counts those
/// inside that source's activities instead (a test's own, around calls that do not come through HTTP).
/// </summary>
public sealed class StatementCounter : IDisposable
{
    private const string RequestSource = "Microsoft.AspNetCore";

    private readonly ActivityListener listener;
    private readonly string database;
    private readonly string parentSource;
    private readonly List<string> statements = [];

    public StatementCounter(string connectionString, string parentSource = RequestSource)
    {
        database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        this.parentSource = parentSource;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql" || source.Name == parentSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The statements seen so far (their text), oldest first.</summary>
    public IReadOnlyList<string> Statements
    {
        get
        {
            lock (statements)
            {
                return [.. statements];
            }
        }
    }

    public void Reset()
    {
        lock (statements)
        {
            statements.Clear();
        }
    }

    private void OnStopped(Activity activity)
    {
        if (activity.Source.Name != "Npgsql" || !activity.TagObjects.Any(t => t.Value is string value && value == database) || !InParent(activity))
        {
            return;
        }

        var text = activity.TagObjects.FirstOrDefault(t => t.Key is "db.query.text" or "db.statement").Value as string ?? activity.DisplayName;
        lock (statements)
        {
            statements.Add(text);
        }
    }

    private bool InParent(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == parentSource)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => listener.Dispose();
}
