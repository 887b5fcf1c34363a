using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabHub.IntegrationTests.Events;

/// <summary>
/// Counts the database round trips whose text contains <paramref name="fragment"/> (one per command, however many rows
/// it carries). EF sends every query and every save batch as a reader command (a save reads generated keys back), so
/// readers are all it needs to see.
/// </summary>
public sealed class CommandTextCounter(string fragment) : DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    private void Note(DbCommand command)
    {
        if (command.CommandText.Contains(fragment, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }
    }
}
