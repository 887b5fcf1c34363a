namespace CollabHub.Web.Features.Chat;

/// <summary><see cref="IPresenceStore"/> for one instance: one lock, because every operation is a few dictionary steps.</summary>
public sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public MemberPresence? Connect(string userId, string connectionId, DateTimeOffset now)
    {
        lock (gate)
        {
            var entry = EntryFor(userId);
            var before = entry.State;
            entry.Connections.Add(connectionId);
            entry.LastActivity = now;
            entry.Idle = false;
            return Changed(userId, entry, before);
        }
    }

    public MemberPresence? Disconnect(string userId, string connectionId, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(userId, out var entry))
            {
                return null;
            }

            var before = entry.State;
            if (!entry.Connections.Remove(connectionId))
            {
                return null;
            }

            if (entry.Connections.Count == 0)
            {
                entry.LastSeen = now;
                entry.Idle = false;
            }

            return Changed(userId, entry, before);
        }
    }

    public MemberPresence? Touch(string userId, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(userId, out var entry) || entry.Connections.Count == 0)
            {
                return null;
            }

            var before = entry.State;
            entry.LastActivity = now;
            entry.LastSeen = now;
            entry.Idle = false;
            return Changed(userId, entry, before);
        }
    }

    public IReadOnlyList<MemberPresence> MarkIdle(DateTimeOffset idleSince)
    {
        lock (gate)
        {
            var changed = new List<MemberPresence>();
            foreach (var (userId, entry) in entries)
            {
                if (entry.State == PresenceState.Online && entry.LastActivity < idleSince)
                {
                    entry.Idle = true;
                    changed.Add(entry.ToPresence(userId));
                }
            }

            return changed;
        }
    }

    public MemberPresence Get(string userId)
    {
        lock (gate)
        {
            return entries.TryGetValue(userId, out var entry)
                ? entry.ToPresence(userId)
                : new MemberPresence(userId, PresenceState.Offline, null);
        }
    }

    public IReadOnlyList<string> Connected()
    {
        lock (gate)
        {
            return [.. entries.Where(e => e.Value.Connections.Count > 0).Select(e => e.Key)];
        }
    }

    private Entry EntryFor(string userId)
    {
        if (!entries.TryGetValue(userId, out var entry))
        {
            entry = new Entry();
            entries[userId] = entry;
        }

        return entry;
    }

    private static MemberPresence? Changed(string userId, Entry entry, PresenceState before) =>
        entry.State == before ? null : entry.ToPresence(userId);

    private sealed class Entry
    {
        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset LastActivity { get; set; }

        public DateTimeOffset? LastSeen { get; set; }

        public bool Idle { get; set; }

        public PresenceState State => Connections.Count == 0
            ? PresenceState.Offline
            : Idle ? PresenceState.Idle : PresenceState.Online;

        public MemberPresence ToPresence(string userId) =>
            new(userId, State, State == PresenceState.Offline ? LastSeen : LastActivity);
    }
}
