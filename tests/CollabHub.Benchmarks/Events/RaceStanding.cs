using Npgsql;

namespace CollabHub.Benchmarks.Events;

/// <summary>
/// Where everyone stands for the race's event, read from the database: the rows themselves and the event's own
/// counters, so overbooking, a counter drift and a queue jumped are all visible.
/// </summary>
public sealed record RaceStanding(
    IReadOnlyList<string> ConfirmedByTicket,
    IReadOnlyList<string> WaitlistedByTicket,
    int Cancelled,
    int ConfirmedCounter,
    int WaitlistCounter,
    long MaxConfirmedTicket,
    long MinWaitlistedTicket)
{
    /// <summary>Every confirmed person arrived (got their ticket) before every waitlisted one.</summary>
    public bool FirstComeFirstServed => WaitlistedByTicket.Count == 0 || MaxConfirmedTicket < MinWaitlistedTicket;

    public bool CountersAgree => ConfirmedCounter == ConfirmedByTicket.Count && WaitlistCounter == WaitlistedByTicket.Count;

    public static async Task<RaceStanding> ReadAsync(string connectionString, Guid eventId, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(cancellationToken);
        var confirmed = new List<string>();
        var waitlisted = new List<string>();
        var cancelled = 0;
        long maxConfirmed = 0, minWaitlisted = long.MaxValue;
        await using (var rows = new NpgsqlCommand("SELECT user_id, status, ticket FROM event_registrations WHERE event_id = $1 ORDER BY ticket", db))
        {
            rows.Parameters.AddWithValue(eventId);
            await using var reader = await rows.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var ticket = reader.GetInt64(2);
                switch (reader.GetInt32(1))
                {
                    case 0:
                        confirmed.Add(reader.GetString(0));
                        maxConfirmed = Math.Max(maxConfirmed, ticket);
                        break;
                    case 1:
                        waitlisted.Add(reader.GetString(0));
                        minWaitlisted = Math.Min(minWaitlisted, ticket);
                        break;
                    default:
                        cancelled++;
                        break;
                }
            }
        }

        await using var counters = new NpgsqlCommand("SELECT confirmed_count, waitlist_count FROM events WHERE id = $1", db);
        counters.Parameters.AddWithValue(eventId);
        await using var read = await counters.ExecuteReaderAsync(cancellationToken);
        await read.ReadAsync(cancellationToken);
        return new RaceStanding(confirmed, waitlisted, cancelled, read.GetInt32(0), read.GetInt32(1), maxConfirmed, minWaitlisted);
    }
}
