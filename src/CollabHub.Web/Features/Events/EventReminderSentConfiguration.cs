using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Events;

public sealed class EventReminderSentConfiguration : IEntityTypeConfiguration<EventReminderSent>
{
    public void Configure(EntityTypeBuilder<EventReminderSent> builder)
    {
        builder.ToTable("event_reminders_sent", t => t.HasCheckConstraint("ck_event_reminders_sent_kind", "kind IN (0, 1)"));
        // The key is the "exactly once": a second reminder of a kind can't be inserted.
        builder.HasKey(r => new { r.RegistrationId, r.Kind });
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(r => r.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
