using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CollabHub.Web.Features.Library;

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        var configs = string.Join(", ", LibraryLanguages.All.Select(l => l.Config).Distinct().Select(c => $"'{c}'"));
        builder.ToTable("library_resources", t =>
        {
            t.HasCheckConstraint("ck_library_resources_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_library_resources_summary_not_blank", "btrim(summary) <> ''");
            t.HasCheckConstraint("ck_library_resources_sdgs", "sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]");
            t.HasCheckConstraint("ck_library_resources_topics", $"cardinality(topics) <= {Resource.MaxTopics}");
            t.HasCheckConstraint("ck_library_resources_link", "link_url IS NULL OR link_url ~ '^https?://'");
            t.HasCheckConstraint("ck_library_resources_search_config", $"search_config IN ({configs})");
            t.HasCheckConstraint("ck_library_resources_featured_approved", "NOT is_featured OR status = 'Approved'");
            t.HasCheckConstraint("ck_library_resources_download_count", "download_count >= 0");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Slug).HasMaxLength(Resource.SlugMaxLength).IsRequired();
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(Resource.TitleMaxLength).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(Resource.SummaryMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Resource.DescriptionMaxLength).IsRequired();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Entity).HasMaxLength(Resource.EntityMaxLength);
        builder.Property(r => r.Licence).HasMaxLength(Resource.LicenceMaxLength);
        builder.Property(r => r.LinkUrl).HasMaxLength(Resource.UrlMaxLength);
        builder.Property(r => r.ModeratorNote).HasMaxLength(Resource.NoteMaxLength);
        builder.Property(r => r.SearchConfig).HasMaxLength(30);
        builder.Property(r => r.FileText).HasMaxLength(Resource.FileTextMaxLength);
        builder.Property(r => r.Authors).HasColumnType("text[]");
        builder.Property(r => r.Languages).HasColumnType("text[]");
        builder.Property(r => r.Topics).HasColumnType("text[]");
        builder.Property(r => r.Sdgs).HasColumnType("integer[]");
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property<NpgsqlTsVector>(LibrarySearchIndex.VectorProperty).HasDefaultValueSql("''::tsvector");
        builder.HasIndex(LibrarySearchIndex.VectorProperty).HasMethod("gin");
        // The vector's adjacent word pairs have a GIN index on an expression (LibrarySearchIndex.WordPairsSql), which the
        // model cannot express: it is made by the migration LibraryWordPairs.
        // The library's lists: published ones by date, the review queue oldest first, facets by array containment.
        builder.HasIndex(r => new { r.Status, r.ApprovedAt });
        builder.HasIndex(r => new { r.Status, r.SubmittedAt });
        // A group's library newest first (LibrarySearchService): through the date index alone, browsing a small group
        // read every row of the library (27 ms at 30,000 resources; this way 0.4 ms). It also serves the foreign key.
        builder.HasIndex(r => new { r.GroupId, r.Status, r.ApprovedAt });
        // Browsing a type or an issuer the same way: an issuer nobody has took 140 ms at 100,000 resources, now 0.5 ms.
        builder.HasIndex(r => new { r.Type, r.Status, r.ApprovedAt });
        builder.HasIndex(r => new { r.Entity, r.Status, r.ApprovedAt });
        // The front page's featured resources: without it, finding the few featured rows read the whole table (46 ms of
        // a 56 ms front page at 30,000 resources; this way 0.1 ms).
        builder.HasIndex(r => r.ApprovedAt).HasFilter("is_featured").HasDatabaseName("ix_library_resources_featured_approved_at");
        builder.HasIndex(r => r.SubmitterId);
        builder.HasIndex(r => r.Topics).HasMethod("gin");
        builder.HasIndex(r => r.Sdgs).HasMethod("gin");
        // Browsing a language or a year few resources have reads its matches through these (LibraryRareFilters): through
        // the date index, a language or year nobody has read every row (220-680 ms at 100,000 resources).
        builder.HasIndex(r => r.Languages).HasMethod("gin");
        builder.HasIndex(r => r.PublishedOn);
        builder.Ignore(r => r.IsListed);
        builder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SubmitterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
