using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Groups;

public sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups", t =>
        {
            t.HasCheckConstraint("ck_groups_slug_format", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_groups_name_not_blank", "btrim(name) <> ''");
            t.HasCheckConstraint("ck_groups_visibility", "visibility IN (0, 1)");
        });
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Slug).HasMaxLength(Group.SlugMaxLength).IsRequired();
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Property(g => g.Name).HasMaxLength(Group.NameMaxLength).IsRequired();
        builder.Property(g => g.Summary).HasMaxLength(Group.SummaryMaxLength).IsRequired();
        builder.Property(g => g.Description).IsRequired();
        builder.Property(g => g.CreatedAt).HasDefaultValueSql("now()");
    }
}
