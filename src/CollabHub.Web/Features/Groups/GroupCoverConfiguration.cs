using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Groups;

public sealed class GroupCoverConfiguration : IEntityTypeConfiguration<GroupCover>
{
    public void Configure(EntityTypeBuilder<GroupCover> builder)
    {
        builder.ToTable("group_covers", t =>
        {
            t.HasCheckConstraint("ck_group_covers_content_type", "content_type = 'image/webp'");
            t.HasCheckConstraint("ck_group_covers_size", $"octet_length(content) BETWEEN 1 AND {GroupCover.MaxStoredBytes}");
        });
        builder.HasKey(c => c.GroupId);
        builder.HasOne<Group>().WithOne().HasForeignKey<GroupCover>(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Content).IsRequired();
        builder.Property(c => c.ContentType).HasMaxLength(32).IsRequired();
        builder.Property(c => c.UpdatedAt).HasDefaultValueSql("now()");
    }
}
