using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionThreadSubscriptionConfiguration : IEntityTypeConfiguration<DiscussionThreadSubscription>
{
    public void Configure(EntityTypeBuilder<DiscussionThreadSubscription> builder)
    {
        builder.ToTable("discussion_thread_subscriptions", t => t.HasCheckConstraint("ck_discussion_thread_subscriptions_level", "level IN (1, 2)"));
        builder.HasKey(s => new { s.ThreadId, s.UserId });
        builder.HasIndex(s => s.UserId);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(s => s.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
