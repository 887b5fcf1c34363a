using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Members;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.ToTable(t =>
        {
            // A suspension always carries its reason, and a reason never outlives its suspension.
            t.HasCheckConstraint("ck_users_suspension_reason_with_date", "(suspended_at IS NULL) = (suspension_reason IS NULL)");
            t.HasCheckConstraint("ck_users_suspension_reason_not_blank", "suspension_reason IS NULL OR btrim(suspension_reason) <> ''");
        });
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(u => u.SuspensionReason).HasMaxLength(ApplicationUser.SuspensionReasonMaxLength);
    }
}
