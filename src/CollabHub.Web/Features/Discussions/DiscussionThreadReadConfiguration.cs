using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionThreadReadConfiguration : IEntityTypeConfiguration<DiscussionThreadRead>
{
    public void Configure(EntityTypeBuilder<DiscussionThreadRead> builder)
    {
        builder.ToTable("discussion_thread_reads", t => t.HasCheckConstraint("ck_discussion_thread_reads_number", "last_read_number >= 0"));
        builder.HasKey(r => new { r.ThreadId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
