using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Events;

public sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("event_registrations", t =>
        {
            t.HasCheckConstraint("ck_event_registrations_status", "status IN (0, 1, 2)");
            t.HasCheckConstraint("ck_event_registrations_confirmed_at", "(status = 0) = (confirmed_at IS NOT NULL)");
            t.HasCheckConstraint("ck_event_registrations_cancelled_at", "(status = 2) = (cancelled_at IS NOT NULL)");
            t.HasCheckConstraint("ck_event_registrations_check_in", "checked_in_at IS NULL OR status = 0");
        });
        builder.HasKey(r => r.Id);
        // One registration per person and event: registering twice finds this row instead of making a second.
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Ticket }).IsUnique();
        builder.HasIndex(r => new { r.UserId, r.Status });
        builder.Ignore(r => r.IsActive);
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
