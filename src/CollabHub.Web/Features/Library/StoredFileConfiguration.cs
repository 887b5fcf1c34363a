using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Library;

public sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("library_stored_files", t =>
        {
            t.HasCheckConstraint("ck_library_stored_files_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_library_stored_files_size", "size > 0");
        });
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(f => f.Sha256).IsUnique();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ContentType).HasMaxLength(120);
        builder.Property(f => f.StorageName).HasMaxLength(100);
        builder.HasIndex(f => f.StorageName).IsUnique();
        builder.Property(f => f.Extraction).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ExtractedText).HasMaxLength(StoredFile.ExtractedTextMaxLength);
        // The extractor's claim scans only what is waiting.
        builder.HasIndex(f => f.CreatedAt).HasDatabaseName("ix_library_stored_files_pending").HasFilter("extraction = 'Pending'");
    }
}
