using CollabHub.Web.Features.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Notifications;

public sealed class GroupFollowConfiguration : IEntityTypeConfiguration<GroupFollow>
{
    public void Configure(EntityTypeBuilder<GroupFollow> builder)
    {
        builder.ToTable("group_follows");
        builder.HasKey(f => new { f.GroupId, f.UserId });
        builder.HasIndex(f => f.UserId);
        // Leaving or being removed from the group ends the choice with the membership.
        builder.HasOne<GroupMembership>().WithMany().HasForeignKey(f => new { f.GroupId, f.UserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
