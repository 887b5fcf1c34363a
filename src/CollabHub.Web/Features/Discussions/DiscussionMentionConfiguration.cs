using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionMentionConfiguration : IEntityTypeConfiguration<DiscussionMention>
{
    public void Configure(EntityTypeBuilder<DiscussionMention> builder)
    {
        builder.ToTable("discussion_mentions");
        builder.HasKey(m => new { m.PostId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<DiscussionPost>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
