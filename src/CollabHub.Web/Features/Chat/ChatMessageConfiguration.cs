using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Chat;

public sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("chat_messages", t =>
        {
            t.HasCheckConstraint("ck_chat_messages_seq", "seq > 0");
            t.HasCheckConstraint("ck_chat_messages_body_length", $"char_length(body) <= {ChatMessage.BodyMaxLength}");
            t.HasCheckConstraint("ck_chat_messages_body", "(deleted_at IS NULL AND btrim(body) <> '') OR (deleted_at IS NOT NULL AND body = '')");
        });
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        // History and catch-up are range scans on this index; it also makes sequence numbers unique per channel.
        builder.HasIndex(m => new { m.ChannelId, m.Seq }).IsUnique();
        builder.HasIndex(m => new { m.ChannelId, m.ClientMessageId }).IsUnique();
        builder.HasIndex(m => m.AuthorId);
        builder.Ignore(m => m.IsDeleted);
        builder.HasOne<ChatChannel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.DeletedById).OnDelete(DeleteBehavior.SetNull);
    }
}
