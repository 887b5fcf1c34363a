using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Admin.Settings;

public sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> builder)
    {
        builder.ToTable("site_settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(SiteSetting.KeyMaxLength);
        builder.Property(s => s.Value).HasMaxLength(SiteSetting.ValueMaxLength).IsRequired();
        builder.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UpdatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
