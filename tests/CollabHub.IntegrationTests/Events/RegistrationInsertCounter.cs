using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabHub.IntegrationTests.Events;

/// <summary>
/// Counts the database round trips that insert event registrations (one per command, however many rows it carries).
/// EF sends every save batch as a reader command (it reads generated keys back), so readers are all it needs to see.
/// </summary>
public sealed class RegistrationInsertCounter : DbCommandInterceptor
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
        if (command.CommandText.Contains("INSERT INTO event_registrations", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }
    }
}
