using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Groups;

public sealed class GroupBanConfiguration : IEntityTypeConfiguration<GroupBan>
{
    public void Configure(EntityTypeBuilder<GroupBan> builder)
    {
        builder.ToTable("group_bans");
        builder.HasKey(b => new { b.GroupId, b.UserId });
        builder.HasIndex(b => b.UserId);
        builder.Property(b => b.Reason).HasMaxLength(GroupBan.ReasonMaxLength).IsRequired();
        builder.Property(b => b.CreatedAt).HasDefaultValueSql("now()");
        builder.HasOne<Group>().WithMany().HasForeignKey(b => b.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.BannedById).OnDelete(DeleteBehavior.SetNull);
    }
}
