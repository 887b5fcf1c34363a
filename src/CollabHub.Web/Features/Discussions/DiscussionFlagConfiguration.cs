using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionFlagConfiguration : IEntityTypeConfiguration<DiscussionFlag>
{
    public void Configure(EntityTypeBuilder<DiscussionFlag> builder)
    {
        builder.ToTable("discussion_flags", t =>
        {
            t.HasCheckConstraint("ck_discussion_flags_reason", "reason IN (0, 1, 2, 3)");
            t.HasCheckConstraint("ck_discussion_flags_status", "status IN (0, 1, 2)");
            t.HasCheckConstraint("ck_discussion_flags_other_has_details", "reason <> 3 OR btrim(details) <> ''");
            t.HasCheckConstraint("ck_discussion_flags_decided", "(status = 0) = (decided_at IS NULL)");
        });
        builder.HasKey(f => f.Id);
        // A member flags a post once; deleted accounts (null) never collide.
        builder.HasIndex(f => new { f.PostId, f.FlaggerId }).IsUnique();
        builder.HasIndex(f => f.Status).HasFilter("status = 0");
        builder.Property(f => f.Details).HasMaxLength(DiscussionRules.FlagDetailsMaxLength).IsRequired();
        builder.HasOne<DiscussionPost>().WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.FlaggerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}
