using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Appeals;
using CollabHub.Web.Features.Admin.Settings;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Infrastructure.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();

    public DbSet<GroupBan> GroupBans => Set<GroupBan>();

    public DbSet<DiscussionThread> DiscussionThreads => Set<DiscussionThread>();

    public DbSet<DiscussionPost> DiscussionPosts => Set<DiscussionPost>();

    public DbSet<DiscussionPostRevision> DiscussionPostRevisions => Set<DiscussionPostRevision>();

    public DbSet<DiscussionReaction> DiscussionReactions => Set<DiscussionReaction>();

    public DbSet<DiscussionMention> DiscussionMentions => Set<DiscussionMention>();

    public DbSet<DiscussionThreadRead> DiscussionThreadReads => Set<DiscussionThreadRead>();

    public DbSet<DiscussionThreadSubscription> DiscussionThreadSubscriptions => Set<DiscussionThreadSubscription>();

    public DbSet<DiscussionFlag> DiscussionFlags => Set<DiscussionFlag>();
    public DbSet<GroupJoinRequest> GroupJoinRequests => Set<GroupJoinRequest>();

    public DbSet<GroupInvitation> GroupInvitations => Set<GroupInvitation>();

    public DbSet<GroupCover> GroupCovers => Set<GroupCover>();

    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    public DbSet<MemberProfile> MemberProfiles => Set<MemberProfile>();

    public DbSet<MemberAvatar> MemberAvatars => Set<MemberAvatar>();

    public DbSet<SeedHistory> SeedHistory => Set<SeedHistory>();

    public DbSet<ChatChannel> ChatChannels => Set<ChatChannel>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<ChatReadPosition> ChatReadPositions => Set<ChatReadPosition>();

    public DbSet<MemberLastSeen> MemberLastSeen => Set<MemberLastSeen>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<GroupFollow> GroupFollows => Set<GroupFollow>();

    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();

    public DbSet<Resource> LibraryResources => Set<Resource>();

    public DbSet<ResourceEvent> LibraryResourceEvents => Set<ResourceEvent>();

    public DbSet<StoredFile> LibraryStoredFiles => Set<StoredFile>();

    public DbSet<ResourceFile> LibraryResourceFiles => Set<ResourceFile>();

    public DbSet<ResourceCollection> LibraryCollections => Set<ResourceCollection>();

    public DbSet<ResourceCollectionItem> LibraryCollectionItems => Set<ResourceCollectionItem>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();

    public DbSet<EventReminderSent> EventRemindersSent => Set<EventReminderSent>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<Endorsement> AppealEndorsements => Set<Endorsement>();

    /// <summary>Append-only: see <see cref="Features.Admin.Audit.AuditLog"/>.</summary>
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    /// <summary>Mail waiting for, or past, delivery (see <see cref="IEmailOutbox"/>).</summary>
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<OutboxEmailAttachment> OutboxEmailAttachments => Set<OutboxEmailAttachment>();

    /// <summary>Cookie and token keys, shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes for the member directory's substring search (a trusted extension: no superuser needed).
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Identity names its tables explicitly ("AspNetUsers"), which the snake_case convention leaves alone.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && table.StartsWith("AspNet", StringComparison.Ordinal))
            {
                entity.SetTableName(ToSnakeCase(table["AspNet".Length..]));
            }
        }
    }

    private static string ToSnakeCase(string name)
    {
        var result = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && result.Length > 0)
            {
                result.Append('_');
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}
