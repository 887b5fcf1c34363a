using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Groups;

public sealed class GroupJoinRequestConfiguration : IEntityTypeConfiguration<GroupJoinRequest>
{
    public void Configure(EntityTypeBuilder<GroupJoinRequest> builder)
    {
        builder.ToTable("group_join_requests", t =>
        {
            t.HasCheckConstraint("ck_group_join_requests_status", "status IN (0, 1, 2, 3)");
            t.HasCheckConstraint("ck_group_join_requests_decided", "(status = 0) = (decided_at IS NULL)");
            t.HasCheckConstraint("ck_group_join_requests_message_length", $"char_length(message) <= {GroupJoinRequest.MessageMaxLength}");
            t.HasCheckConstraint("ck_group_join_requests_reply_length", $"reply IS NULL OR char_length(reply) <= {GroupJoinRequest.ReplyMaxLength}");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Message).IsRequired();
        builder.Property(r => r.CreatedAt).HasDefaultValueSql("now()");
        builder.Ignore(r => r.IsPending);

        // One open request per member and group; answered ones stay as history.
        builder.HasIndex(r => new { r.GroupId, r.UserId }).IsUnique().HasFilter("status = 0").HasDatabaseName("ux_group_join_requests_pending");
        builder.HasIndex(r => new { r.GroupId, r.Status, r.CreatedAt });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}
