using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Library;

public sealed class ResourceEventConfiguration : IEntityTypeConfiguration<ResourceEvent>
{
    public void Configure(EntityTypeBuilder<ResourceEvent> builder)
    {
        builder.ToTable("library_resource_events");
        // Ids are made by the entity (version 7 GUIDs); a history line found through the resource is therefore new.
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(ResourceEvent.NoteMaxLength);
        builder.HasIndex(e => new { e.ResourceId, e.At });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
