using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CollabHub.Web.Features.Discussions;

public sealed class DiscussionPostConfiguration : IEntityTypeConfiguration<DiscussionPost>
{
    public void Configure(EntityTypeBuilder<DiscussionPost> builder)
    {
        builder.ToTable("discussion_posts", t =>
        {
            t.HasCheckConstraint("ck_discussion_posts_body", $"btrim(body) <> '' AND char_length(body) <= {DiscussionRules.BodyMaxLength}");
            t.HasCheckConstraint("ck_discussion_posts_number", "number >= 1");
            t.HasCheckConstraint("ck_discussion_posts_version", "version >= 1");
        });
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.ThreadId, p.Number }).IsUnique();
        builder.HasIndex(p => p.AuthorId);
        builder.Property(p => p.Body).IsRequired();
        builder.Property(p => p.BodyHtml).IsRequired();
        builder.Property(p => p.HiddenReason).HasMaxLength(DiscussionRules.HideReasonMaxLength);
        builder.Property<NpgsqlTsVector>(DiscussionSearch.VectorProperty)
            .HasComputedColumnSql(DiscussionSearch.PostVectorSql, stored: true);
        builder.HasIndex(DiscussionSearch.VectorProperty).HasMethod("gin");
        builder.Ignore(p => p.IsDeleted);
        builder.Ignore(p => p.IsHidden);
        builder.Ignore(p => p.IsRemoved);
        builder.Ignore(p => p.IsOpening);
        builder.HasOne<DiscussionThread>().WithMany().HasForeignKey(p => p.ThreadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DiscussionPost>().WithMany().HasForeignKey(p => p.ReplyToPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.HiddenById).OnDelete(DeleteBehavior.SetNull);
    }
}
