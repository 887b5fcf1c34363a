using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Chat;

public sealed class ChatChannelConfiguration : IEntityTypeConfiguration<ChatChannel>
{
    public void Configure(EntityTypeBuilder<ChatChannel> builder)
    {
        builder.ToTable("chat_channels", t =>
        {
            // Exactly one kind: a group's channel, or an ordered pair of two different participants.
            t.HasCheckConstraint(
                "ck_chat_channels_kind",
                "(group_id IS NOT NULL AND user_low_id IS NULL AND user_high_id IS NULL) OR " +
                "(group_id IS NULL AND user_low_id IS NOT NULL AND user_high_id IS NOT NULL AND user_low_id < user_high_id)");
            t.HasCheckConstraint("ck_chat_channels_last_seq", "last_seq >= 0");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(c => c.UserLowId).UseCollation("C");
        builder.Property(c => c.UserHighId).UseCollation("C");
        builder.HasIndex(c => c.GroupId).IsUnique();
        builder.HasIndex(c => new { c.UserLowId, c.UserHighId }).IsUnique();
        builder.HasIndex(c => c.UserHighId);
        builder.Ignore(c => c.IsDirect);
        builder.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserLowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserHighId).OnDelete(DeleteBehavior.Cascade);
    }
}
