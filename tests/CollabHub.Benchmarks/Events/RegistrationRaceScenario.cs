using System.Globalization;
using CollabHub.Benchmarks.Chat;
using Npgsql;

namespace CollabHub.Benchmarks.Events;

/// <summary>
/// Scenario 7, "Registration race": signed-in members press "Register" on one event within one second for a tenth
/// as many seats (the 1,000 for 100), then a few confirmed people cancel at once. Judged from the database:
/// nobody overbooked, seats and waitlist first come first served, promotions in waitlist order, everyone answered
/// within two seconds; the pace is set beside the disk's durable commit rate.
/// </summary>
public static class RegistrationRaceScenario
{
    public const string Name = "race";

    public static async Task RunAsync(AppUnderTest app, BenchmarkOptions options, BenchmarkReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var shape = RaceShape.For(options.Size);
        var members = await ChatCommunity.MembersAsync(app, shape.Registrants, cancellationToken);
        var (eventId, slug) = await CreateEventAsync(app, shape.Seats, cancellationToken);
        using var client = new RaceClient(app);
        await client.OpenEventPageAsync(members, slug, cancellationToken);

        // A smaller race on another event first, unmeasured, so the measured one does not pay for first-call costs.
        var (_, warmup) = await CreateEventAsync(app, 2, cancellationToken);
        var early = members.Take(20).ToArray();
        await client.PressAsync(early, warmup, "register", RaceShape.ArrivalWindow / 4, cancellationToken);
        await client.PressAsync(early[..1], warmup, "unregister", TimeSpan.Zero, cancellationToken);
        var commitRate = options.Size == BenchmarkSize.Tiny ? null : await CommitRate.MeasureAsync(app, cancellationToken);
        var c = CultureInfo.InvariantCulture;

        // Arrival order is random, as in life; the tickets the app hands out say who came first.
        var arrivals = members.OrderBy(_ => Random.Shared.Next()).ToArray();
        var usage = ProcessStats.Watch(app.ProcessId);
        var race = await client.PressAsync(arrivals, slug, "register", RaceShape.ArrivalWindow, cancellationToken);
        var (raceCpu, raceResidentMb) = usage.Stop();
        var afterRace = await RaceStanding.ReadAsync(app.ConnectionString, eventId, cancellationToken);
        var raceHeld = afterRace.ConfirmedByTicket.Count == shape.Seats && afterRace.WaitlistedByTicket.Count == shape.Registrants - shape.Seats
            && afterRace.FirstComeFirstServed && afterRace.CountersAgree && race.Latency.Errors == 0;
        var pace = shape.Registrants / race.LastAnswer.TotalSeconds;
        await log.WriteLineAsync(string.Create(c, $"  {shape.Registrants} registrations for {shape.Seats} seats decided in {race.LastAnswer.TotalMilliseconds:0} ms ({pace:0}/s), p99 {race.Latency.P99:0} ms; {afterRace.ConfirmedByTicket.Count} confirmed, {afterRace.WaitlistedByTicket.Count} waitlisted"));
        report.Measurements.Add(new Measurement(Name, $"{shape.Registrants} registrants for {shape.Seats} seats within 1 s",
            race.LastAnswer.TotalMilliseconds, "ms to the last answer",
            $"≤ {RaceShape.DecidedWithin.TotalMilliseconds:0} ms, none overbooked, first come first served",
            raceHeld && race.LastAnswer <= RaceShape.DecidedWithin,
            string.Create(c, $"{afterRace.ConfirmedByTicket.Count} confirmed (counter {afterRace.ConfirmedCounter}), {afterRace.WaitlistedByTicket.Count} waitlisted (counter {afterRace.WaitlistCounter}); first come first served: {Yes(afterRace.FirstComeFirstServed)}; {race.Latency.Errors} errors; {pace:0} decisions/s{Beside(pace, commitRate)}"),
            race.Latency, raceCpu, raceResidentMb));

        // Cancellations by confirmed people picked at random; the first of the waitlist must take their seats, in order.
        var confirmed = afterRace.ConfirmedByTicket.ToHashSet(StringComparer.Ordinal);
        var leaving = members.Where(m => confirmed.Contains(m.UserId)).OrderBy(_ => Random.Shared.Next()).Take(shape.Cancellations).ToArray();
        var expectedPromoted = afterRace.WaitlistedByTicket.Take(leaving.Length).ToHashSet(StringComparer.Ordinal);
        usage = ProcessStats.Watch(app.ProcessId);
        var cancel = await client.PressAsync(leaving, slug, "unregister", RaceShape.ArrivalWindow, cancellationToken);
        var (cancelCpu, cancelResidentMb) = usage.Stop();
        var afterCancel = await RaceStanding.ReadAsync(app.ConnectionString, eventId, cancellationToken);
        var promotedInOrder = expectedPromoted.IsSubsetOf(afterCancel.ConfirmedByTicket) && afterCancel.FirstComeFirstServed;
        var cancelHeld = afterCancel.ConfirmedByTicket.Count == shape.Seats && afterCancel.Cancelled == leaving.Length && promotedInOrder
            && afterCancel.CountersAgree && cancel.Latency.Errors == 0;
        await log.WriteLineAsync(string.Create(c, $"  {leaving.Length} cancellations decided in {cancel.LastAnswer.TotalMilliseconds:0} ms; promotions in waitlist order: {Yes(promotedInOrder)}"));
        report.Measurements.Add(new Measurement(Name, $"{leaving.Length} cancellations at once, waitlist promoted",
            cancel.LastAnswer.TotalMilliseconds, "ms to the last answer",
            $"≤ {RaceShape.DecidedWithin.TotalMilliseconds:0} ms, every seat refilled from the front of the waitlist",
            cancelHeld && cancel.LastAnswer <= RaceShape.DecidedWithin,
            string.Create(c, $"{afterCancel.ConfirmedByTicket.Count} confirmed, {afterCancel.Cancelled} cancelled, {afterCancel.WaitlistedByTicket.Count} waitlisted; promoted in waitlist order: {Yes(promotedInOrder)}; counters agree: {Yes(afterCancel.CountersAgree)}; {cancel.Latency.Errors} errors"),
            cancel.Latency, cancelCpu, cancelResidentMb));
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Beside(double pace, double? commitRate) =>
        commitRate is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $" = {pace / rate * 100:0}% of the disk's {rate:0} durable commits/s (pg_test_fsync, fdatasync, one 8 kB write)")
            : "";

    /// <summary>A published online event with registration open, owned by nobody in the race.</summary>
    private static async Task<(Guid Id, string Slug)> CreateEventAsync(AppUnderTest app, int seats, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var slug = $"race-{id:N}";
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO events (id, slug, title, description, starts_at, ends_at, time_zone_id, format, join_url, capacity, is_series, topics,
                                status, created_at, updated_at, sequence, confirmed_count, waitlist_count, last_ticket)
            VALUES ($1, $2, 'Behavioural Science Week: opening session', 'Seats are limited; the waitlist moves up as people cancel.',
                    now() + interval '14 days', now() + interval '14 days 2 hours', 'Europe/Geneva', 0, 'https://meet.example/race', $3, false,
                    ARRAY['behavioural-science'], 1, now(), now(), 0, 0, 0, 0)
            """, db);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(slug);
        insert.Parameters.AddWithValue(seats);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return (id, slug);
    }
}
