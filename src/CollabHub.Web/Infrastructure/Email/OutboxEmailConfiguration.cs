using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Infrastructure.Email;

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public const string Table = "outbox_email";

    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable(Table, t =>
        {
            t.HasCheckConstraint("ck_outbox_email_status", "status IN ('pending', 'sending', 'sent', 'dead')");
            t.HasCheckConstraint("ck_outbox_email_attempts", "attempts >= 0");
            // A sending row always has a lease, so a dispatcher that dies mid-send never strands it.
            t.HasCheckConstraint("ck_outbox_email_lease", "(status = 'sending') = (locked_until IS NOT NULL)");
            t.HasCheckConstraint("ck_outbox_email_sent_at", "(status = 'sent') = (sent_at IS NOT NULL)");
            t.HasCheckConstraint("ck_outbox_email_to_address", "position('@' in to_address) > 1");
            t.HasCheckConstraint("ck_outbox_email_expires_at", "expires_at > created_at");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.MessageId).HasMaxLength(OutboxEmail.MessageIdMaxLength).IsRequired();
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.Property(e => e.ToAddress).HasMaxLength(OutboxEmail.AddressMaxLength).IsRequired();
        builder.Property(e => e.ToName).HasMaxLength(OutboxEmail.NameMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(OutboxEmail.SubjectMaxLength).IsRequired();
        builder.Property(e => e.HtmlBody).IsRequired();
        builder.Property(e => e.TextBody).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.ErrorMaxLength);
        builder.Property(e => e.UnsubscribeUrl).HasMaxLength(OutboxEmail.UnsubscribeUrlMaxLength);
        builder.Property(e => e.Status)
            .HasMaxLength(10)
            .HasConversion(v => v.ToString().ToLowerInvariant(), v => Enum.Parse<OutboxEmailStatus>(v, true));

        // Claiming asks for due pending rows and for sending rows whose lease ran out; each has a small partial index.
        builder.HasIndex(e => e.NextAttemptAt).HasDatabaseName("ix_outbox_email_due").HasFilter("status = 'pending'");
        builder.HasIndex(e => e.LockedUntil).HasDatabaseName("ix_outbox_email_lease").HasFilter("status = 'sending'");
        builder.HasIndex(e => e.ExpiresAt).HasDatabaseName("ix_outbox_email_expiry").HasFilter("status IN ('pending', 'sending')");
        // The admin and /dev/mail pages list newest first; the dead-letter page filters by status.
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
    }
}
