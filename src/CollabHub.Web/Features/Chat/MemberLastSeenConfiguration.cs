using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Chat;

public sealed class MemberLastSeenConfiguration : IEntityTypeConfiguration<MemberLastSeen>
{
    public void Configure(EntityTypeBuilder<MemberLastSeen> builder)
    {
        builder.ToTable("member_last_seen");
        builder.HasKey(s => s.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<MemberLastSeen>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
