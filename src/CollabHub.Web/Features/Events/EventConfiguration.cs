using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Events;

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events", t =>
        {
            // No overbooking even if a code path forgot the lock: the database refuses the row.
            t.HasCheckConstraint("ck_events_confirmed_within_capacity", "capacity IS NULL OR confirmed_count <= capacity");
            t.HasCheckConstraint("ck_events_confirmed_count", "confirmed_count >= 0");
            t.HasCheckConstraint("ck_events_waitlist_count", "waitlist_count >= 0");
            t.HasCheckConstraint("ck_events_capacity", $"capacity IS NULL OR capacity BETWEEN 1 AND {Event.MaxCapacity}");
            t.HasCheckConstraint("ck_events_ends_after_start", "ends_at > starts_at");
            t.HasCheckConstraint("ck_events_registration_window", "registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_opens_at < registration_closes_at");
            t.HasCheckConstraint("ck_events_status", "status IN (0, 1, 2)");
            t.HasCheckConstraint("ck_events_format", "format IN (0, 1, 2)");
            t.HasCheckConstraint("ck_events_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_events_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_events_topics", $"cardinality(topics) <= {Event.MaxTopics}");
            t.HasCheckConstraint("ck_events_series_not_nested", "NOT (is_series AND series_id IS NOT NULL)");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Slug).HasMaxLength(Event.SlugMaxLength).IsRequired();
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(Event.TitleMaxLength).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(Event.DescriptionMaxLength).IsRequired();
        builder.Property(e => e.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Venue).HasMaxLength(Event.VenueMaxLength);
        builder.Property(e => e.JoinUrl).HasMaxLength(Event.JoinUrlMaxLength);
        builder.Property(e => e.Topics).HasColumnType("text[]").IsRequired().HasDefaultValueSql("'{}'::text[]");
        builder.HasIndex(e => e.Topics).HasMethod("gin");
        builder.HasIndex(e => new { e.Status, e.StartsAt });
        builder.HasIndex(e => e.GroupId);
        builder.HasIndex(e => e.SeriesId);
        builder.Ignore(e => e.SeatsLeft);
        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(e => e.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
