using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Appeals;

public sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals", t =>
        {
            t.HasCheckConstraint("ck_appeals_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_appeals_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_appeals_status", "status IN (0, 1, 2)");
            t.HasCheckConstraint("ck_appeals_goal", "goal IS NULL OR goal > 0");
            t.HasCheckConstraint("ck_appeals_dates", "ends_on IS NULL OR ends_on >= starts_on");
            t.HasCheckConstraint("ck_appeals_text_length", $"char_length(call) <= {Appeal.TextMaxLength} AND char_length(why_it_matters) <= {Appeal.TextMaxLength}");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Slug).HasMaxLength(Appeal.SlugMaxLength).IsRequired();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(Appeal.TitleMaxLength).IsRequired();
        builder.Property(a => a.IssuedBy).HasMaxLength(Appeal.IssuedByMaxLength).IsRequired();
        builder.Property(a => a.Call).IsRequired();
        builder.Property(a => a.WhyItMatters).IsRequired();
        builder.Property(a => a.Commitment).HasMaxLength(Appeal.CommitmentMaxLength).IsRequired();
        builder.Property(a => a.RelatedLinks).HasMaxLength(Appeal.RelatedLinksMaxLength).IsRequired();
        builder.HasIndex(a => new { a.Status, a.StartsOn });
        builder.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
