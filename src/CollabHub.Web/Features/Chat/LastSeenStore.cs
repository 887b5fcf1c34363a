using System.Collections.Concurrent;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// Persists when each member was last seen, written as their last connection closes. Throttled per member
/// (<see cref="ChatOptions.LastSeenWriteInterval"/>), so a flapping connection does not write on every drop; the
/// in-memory presence keeps the exact time meanwhile, and the stored one is at most that interval older.
/// </summary>
public sealed class LastSeenStore(IDbContextFactory<AppDbContext> contexts, IOptions<ChatOptions> options, ILogger<LastSeenStore> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> written = new(StringComparer.Ordinal);

    public async Task RecordAsync(string userId, DateTimeOffset seenAt)
    {
        if (written.TryGetValue(userId, out var last) && seenAt - last < options.Value.LastSeenWriteInterval)
        {
            return;
        }

        written[userId] = seenAt;
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO member_last_seen (user_id, last_seen_at) SELECT {userId}, {seenAt} WHERE EXISTS (SELECT 1 FROM users WHERE id = {userId})
                ON CONFLICT (user_id) DO UPDATE SET last_seen_at = GREATEST(member_last_seen.last_seen_at, EXCLUDED.last_seen_at)
                """);
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            // Presence must not fail because the database is briefly away; the next disconnect writes again.
            written.TryRemove(userId, out _);
            logger.LogWarning(ex, "Could not store when member {UserId} was last seen.", userId);
        }
    }

    /// <summary>The stored times of the given members; those never seen are missing.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MemberLastSeen
            .Where(s => userIds.Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId, s => s.LastSeenAt, StringComparer.Ordinal, cancellationToken);
    }
}
