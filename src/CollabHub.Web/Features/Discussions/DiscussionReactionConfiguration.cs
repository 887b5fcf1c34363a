using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionReactionConfiguration : IEntityTypeConfiguration<DiscussionReaction>
{
    public void Configure(EntityTypeBuilder<DiscussionReaction> builder)
    {
        var codes = string.Join(", ", Reactions.All.Select(k => $"'{k.Code}'"));
        builder.ToTable("discussion_reactions", t => t.HasCheckConstraint("ck_discussion_reactions_code", $"code IN ({codes})"));
        // The key is the rule: one reaction of each kind per member and post.
        builder.HasKey(r => new { r.PostId, r.UserId, r.Code });
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.Code).HasMaxLength(Reactions.CodeMaxLength);
        builder.HasOne<DiscussionPost>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
