using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionThreadConfiguration : IEntityTypeConfiguration<DiscussionThread>
{
    public void Configure(EntityTypeBuilder<DiscussionThread> builder)
    {
        builder.ToTable("discussion_threads", t =>
        {
            t.HasCheckConstraint("ck_discussion_threads_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_discussion_threads_post_count", "post_count >= 1");
        });
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).HasMaxLength(DiscussionRules.TitleMaxLength).IsRequired();
        builder.Property<NpgsqlTsVector>(DiscussionSearch.VectorProperty)
            .HasComputedColumnSql(DiscussionSearch.ThreadVectorSql, stored: true);
        builder.HasIndex(DiscussionSearch.VectorProperty).HasMethod("gin");
        builder.HasIndex(t => new { t.GroupId, t.LastActivityAt });
        builder.Ignore(t => t.IsPinned);
        builder.Ignore(t => t.IsLocked);
        builder.Ignore(t => t.IsRemoved);
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
