using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>
/// The directory's name search, kept beside the directory rather than in ApplicationUserConfiguration: EF merges
/// every configuration of a type, and the account's own columns stay in their file.
/// </summary>
public sealed class ApplicationUserSearchConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder) =>
        builder.HasIndex(u => u.DisplayName, "ix_users_display_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
}
