using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Members.Profiles;

public sealed class MemberAvatarConfiguration : IEntityTypeConfiguration<MemberAvatar>
{
    public void Configure(EntityTypeBuilder<MemberAvatar> builder)
    {
        builder.ToTable("member_avatars", t =>
        {
            t.HasCheckConstraint("ck_member_avatars_content_type", "content_type IN ('image/webp', 'image/jpeg', 'image/png')");
            t.HasCheckConstraint("ck_member_avatars_size", $"octet_length(content) BETWEEN 1 AND {MemberAvatar.MaxStoredBytes}");
        });
        builder.HasKey(a => a.UserId);
        builder.HasOne<ApplicationUser>()
            .WithOne()
            .HasForeignKey<MemberAvatar>(a => a.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Content).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(32).IsRequired();
        builder.Property(a => a.UpdatedAt).HasDefaultValueSql("now()");
    }
}
