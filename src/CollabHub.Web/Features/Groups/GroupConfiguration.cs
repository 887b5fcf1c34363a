using CollabHub.Web.Features.Members;
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
            t.HasCheckConstraint("ck_groups_visibility", "visibility IN (0, 1, 2)");
            t.HasCheckConstraint("ck_groups_join_policy", "join_policy IN (0, 1, 2)");
            t.HasCheckConstraint("ck_groups_member_count", "member_count >= 0");
            t.HasCheckConstraint("ck_groups_topics", $"cardinality(topics) <= {Group.MaxTopics}");
            t.HasCheckConstraint("ck_groups_description_length", $"char_length(description) <= {Group.DescriptionMaxLength}");
            t.HasCheckConstraint("ck_groups_hidden_by_invitation", "visibility <> 2 OR join_policy = 2");
        });
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Slug).HasMaxLength(Group.SlugMaxLength).IsRequired();
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Property(g => g.Name).HasMaxLength(Group.NameMaxLength).IsRequired();
        builder.Property(g => g.Summary).HasMaxLength(Group.SummaryMaxLength).IsRequired();
        builder.Property(g => g.Description).IsRequired();
        builder.Property(g => g.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(g => g.LastActivityAt).HasDefaultValueSql("now()");
        // The default lets the column be added to a table that already has groups.
        builder.Property(g => g.Topics).HasColumnType("text[]").IsRequired().HasDefaultValueSql("'{}'::text[]");
        builder.HasIndex(g => g.Topics).HasMethod("gin");
        builder.HasIndex(g => g.LastActivityAt);
        builder.HasIndex(g => g.MemberCount);
        // The directory's substring search (ILIKE '%term%') over names and summaries without scanning every row.
        builder.HasIndex(g => g.Name, "ix_groups_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(g => g.Summary, "ix_groups_summary_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Ignore(g => g.IsListed);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
