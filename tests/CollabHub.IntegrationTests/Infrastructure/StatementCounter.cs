using System.Diagnostics;
using Npgsql;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the statements one database receives for HTTP requests while it is open, from Npgsql's own activities (one
/// per command or batch, EF's and raw alike) inside the server's request activity, so a test can say how many round
/// trips a page costs, whatever background workers do meanwhile.
/// </summary>
public sealed class StatementCounter : IDisposable
{
    private const string RequestSource = "Microsoft.AspNetCore";

    private readonly ActivityListener listener;
    private readonly string database;
    private readonly List<string> statements = [];

    public StatementCounter(string connectionString)
    {
        database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or RequestSource,
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
        if (activity.Source.Name != "Npgsql" || !activity.TagObjects.Any(t => t.Value is string value && value == database) || !InRequest(activity))
        {
            return;
        }

        var text = activity.TagObjects.FirstOrDefault(t => t.Key is "db.query.text" or "db.statement").Value as string ?? activity.DisplayName;
        lock (statements)
        {
            statements.Add(text);
        }
    }

    private static bool InRequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == RequestSource)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => listener.Dispose();
}
