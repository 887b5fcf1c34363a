using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionPostRevisionConfiguration : IEntityTypeConfiguration<DiscussionPostRevision>
{
    public void Configure(EntityTypeBuilder<DiscussionPostRevision> builder)
    {
        builder.ToTable("discussion_post_revisions", t => t.HasCheckConstraint("ck_discussion_post_revisions_version", "version >= 1"));
        builder.HasKey(r => new { r.PostId, r.Version });
        builder.Property(r => r.Title).HasMaxLength(DiscussionRules.TitleMaxLength);
        builder.Property(r => r.Body).IsRequired();
        builder.Property(r => r.BodyHtml).IsRequired();
        builder.HasOne<DiscussionPost>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
