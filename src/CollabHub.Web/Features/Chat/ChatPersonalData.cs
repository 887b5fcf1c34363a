using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Chat;

/// <summary>A member's chat messages (deleted ones without text), read positions and last-seen time, for their data download.</summary>
public sealed class ChatPersonalData(IDbContextFactory<AppDbContext> contexts) : IPersonalDataSource
{
    public string Section => "chat";

    public async Task<object?> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var messages = await db.ChatMessages.AsNoTracking()
            .Where(m => m.AuthorId == userId)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new { channel = m.ChannelId, seq = m.Seq, body = m.Body, createdAt = m.CreatedAt, editedAt = m.EditedAt, deletedAt = m.DeletedAt })
            .ToListAsync(cancellationToken);
        var readPositions = await db.ChatReadPositions.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Select(r => new { channel = r.ChannelId, lastReadSeq = r.LastReadSeq, updatedAt = r.UpdatedAt })
            .ToListAsync(cancellationToken);
        var lastSeen = await db.MemberLastSeen.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(cancellationToken);
        return messages.Count == 0 && readPositions.Count == 0 && lastSeen is null
            ? null
            : new { messages, readPositions, lastSeenAt = lastSeen };
    }
}
