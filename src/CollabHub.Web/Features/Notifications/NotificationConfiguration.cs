using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications", t =>
        {
            t.HasCheckConstraint("ck_notifications_not_self", "actor_id IS NULL OR actor_id <> recipient_id");
            t.HasCheckConstraint("ck_notifications_url_relative", "url LIKE '/%' AND url NOT LIKE '//%'");
        });
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.Url).HasMaxLength(Notification.UrlMaxLength);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Excerpt).HasMaxLength(Notification.ExcerptMaxLength);
        builder.HasOne(n => n.Recipient).WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Actor).WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Group>().WithMany().HasForeignKey(n => n.GroupId).OnDelete(DeleteBehavior.Cascade);
        // The bell counts a member's unread ones; the page lists a member's newest first.
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt }).IsDescending(false, true);
        builder.HasIndex(n => n.RecipientId).HasDatabaseName("ix_notifications_unread").HasFilter("read_at IS NULL");
    }
}
