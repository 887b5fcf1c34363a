using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Infrastructure.Email;

public sealed class OutboxEmailAttachmentConfiguration : IEntityTypeConfiguration<OutboxEmailAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxEmailAttachment> builder)
    {
        builder.ToTable("outbox_email_attachments", t => t.HasCheckConstraint("ck_outbox_email_attachments_file_name", "btrim(file_name) <> ''"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.FileName).HasMaxLength(OutboxEmailAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(OutboxEmailAttachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Content).IsRequired();
        builder.HasOne<OutboxEmail>().WithMany(e => e.Attachments).HasForeignKey(a => a.OutboxEmailId).OnDelete(DeleteBehavior.Cascade);
    }
}
