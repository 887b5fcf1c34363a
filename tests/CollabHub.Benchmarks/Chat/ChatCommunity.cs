using System.Globalization;
using System.Net;
using Npgsql;

namespace CollabHub.Benchmarks.Chat;

/// <summary>
/// Members and groups for the chat scenarios. One member registers through the real forms; the rest are copies of
/// that row with their own ids and security stamps (registering hundreds through the mail loop would take minutes),
/// aged a month so the new-account flood limit does not apply. Each then signs in through the real form.
/// </summary>
public static class ChatCommunity
{
    // Signing in is the slow part of setting up; scenarios in one run share the members.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (AppUnderTest App, IReadOnlyList<BenchMember> Members)? signedIn;

    /// <summary>
    /// <paramref name="count"/> signed-in members of the app, made once per run and shared: exactly as many as asked,
    /// since a figure per connection depends on how many members share the connections (the memory scenario once got
    /// the chat scenario's 1,000 instead of its 100, and read 4 KB more per connection).
    /// </summary>
    public static async Task<BenchMember[]> MembersAsync(AppUnderTest app, int count, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (signedIn is not { } known || known.App != app || known.Members.Count < count)
            {
                signedIn = (app, await SignInMembersAsync(app, count, cancellationToken));
            }

            return [.. signedIn.Value.Members.Take(count)];
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IReadOnlyList<BenchMember>> SignInMembersAsync(AppUnderTest app, int count, CancellationToken cancellationToken)
    {
        var prefix = $"chat-{Guid.NewGuid():N}"[..13];
        var template = $"{prefix}-0@bench.example";
        using (await MemberClient.RegisterAndSignInAsync(app, "Bench member 0", cancellationToken, template))
        {
        }

        await using var db = await OpenAsync(app, cancellationToken);
        await using (var age = new NpgsqlCommand("UPDATE users SET created_at = now() - interval '30 days' WHERE normalized_email = upper($1)", db))
        {
            age.Parameters.AddWithValue(template);
            await age.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = new NpgsqlCommand(
            """
            INSERT INTO users (id, display_name, created_at, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                               password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT gen_random_uuid()::text, 'Bench member ' || n, t.created_at, $2 || '-' || n || '@bench.example', upper($2 || '-' || n || '@bench.example'),
                   $2 || '-' || n || '@bench.example', upper($2 || '-' || n || '@bench.example'), true,
                   t.password_hash, upper(replace(gen_random_uuid()::text, '-', '')), gen_random_uuid()::text, false, false, true, 0
            FROM users t, generate_series(1, $3 - 1) AS n
            WHERE t.normalized_email = upper($1);
            """, db))
        {
            copy.Parameters.AddWithValue(template);
            copy.Parameters.AddWithValue(prefix);
            copy.Parameters.AddWithValue(count);
            await copy.ExecuteNonQueryAsync(cancellationToken);
        }

        var emails = Enumerable.Range(0, count).Select(n => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n}@bench.example")).ToArray();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT email, id FROM users WHERE email = ANY($1)", db))
        {
            read.Parameters.AddWithValue(emails);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetString(0)] = reader.GetString(1);
            }
        }

        // Password checks are deliberately slow (PBKDF2); two at a time keeps both cores busy.
        var members = new BenchMember[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var cookies = new CookieContainer();
            using var client = MemberClient.NewClient(app.BaseUrl, cookies);
            await MemberClient.SignInAsync(client, emails[n], ct);
            members[n] = new BenchMember(ids[emails[n]], cookies);
        });
        return members;
    }

    /// <summary>The URL slug of a group this class created.</summary>
    public static string SlugOf(Guid groupId) => $"bench-{groupId:N}";

    /// <summary>Creates a public group with exactly <paramref name="members"/> as its members; returns its id.</summary>
    public static async Task<Guid> CreateGroupAsync(AppUnderTest app, string name, IEnumerable<BenchMember> members, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        await using var db = await OpenAsync(app, cancellationToken);
        var userIds = members.Select(m => m.UserId).Distinct().ToArray();
        await using var batch = new NpgsqlBatch(db)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO groups (id, slug, name, summary, description, visibility, join_policy, topics, created_at, member_count, last_activity_at)
                    VALUES ($1, $2, $3, 'A group made by the chat benchmark.', '', 0, 0, ARRAY['benchmark'], now(), $4, now())
                    """)
                {
                    Parameters = { new() { Value = id }, new() { Value = SlugOf(id) }, new() { Value = name }, new() { Value = userIds.Length } },
                },
                new NpgsqlBatchCommand("INSERT INTO group_memberships (group_id, user_id, role) SELECT $1, unnest($2), 0")
                {
                    Parameters = { new() { Value = id }, new() { Value = userIds } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    private static async Task<NpgsqlConnection> OpenAsync(AppUnderTest app, CancellationToken cancellationToken)
    {
        var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync(cancellationToken);
        return db;
    }
}
