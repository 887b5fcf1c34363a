using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Library;

public sealed class ResourceFileConfiguration : IEntityTypeConfiguration<ResourceFile>
{
    public void Configure(EntityTypeBuilder<ResourceFile> builder)
    {
        builder.ToTable("library_resource_files", t =>
        {
            t.HasCheckConstraint("ck_library_resource_files_name_not_blank", "btrim(file_name) <> ''");
            t.HasCheckConstraint("ck_library_resource_files_download_count", "download_count >= 0");
        });
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(ResourceFile.FileNameMaxLength);
        builder.HasIndex(f => new { f.ResourceId, f.StoredFileId }).IsUnique();
        builder.HasIndex(f => f.StoredFileId);
        builder.HasOne(f => f.StoredFile).WithMany().HasForeignKey(f => f.StoredFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
