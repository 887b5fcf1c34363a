using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Chat;

public sealed class ChatReadPositionConfiguration : IEntityTypeConfiguration<ChatReadPosition>
{
    public void Configure(EntityTypeBuilder<ChatReadPosition> builder)
    {
        builder.ToTable("chat_read_positions", t => t.HasCheckConstraint("ck_chat_read_positions_seq", "last_read_seq >= 0"));
        builder.HasKey(r => new { r.ChannelId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne<ChatChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
