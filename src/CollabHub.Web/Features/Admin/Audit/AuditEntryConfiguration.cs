using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Admin.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log", t =>
        {
            t.HasCheckConstraint("ck_audit_log_action_format", @"action ~ '^[a-z]+(\.[a-z_]+)+$'");
            t.HasCheckConstraint("ck_audit_log_actor_display_not_blank", "btrim(actor_display) <> ''");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.OccurredAt).HasDefaultValueSql("now()");
        builder.Property(e => e.ActorDisplay).HasMaxLength(AuditEntry.DisplayMaxLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(e => e.SubjectDisplay).HasMaxLength(AuditEntry.DisplayMaxLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);

        // Deleting an account must neither fail nor erase history: the entry keeps its copied display names.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.SubjectUserId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(e => e.OccurredAt).IsDescending();
        builder.HasIndex(e => new { e.SubjectUserId, e.OccurredAt }).IsDescending(false, true);
        builder.HasIndex(e => new { e.Action, e.OccurredAt }).IsDescending(false, true);
        builder.HasIndex(e => e.ActorUserId);
    }
}
