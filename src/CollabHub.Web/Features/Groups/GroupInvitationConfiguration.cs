using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Groups;

public sealed class GroupInvitationConfiguration : IEntityTypeConfiguration<GroupInvitation>
{
    public void Configure(EntityTypeBuilder<GroupInvitation> builder)
    {
        builder.ToTable("group_invitations", t =>
        {
            t.HasCheckConstraint("ck_group_invitations_status", "status IN (0, 1, 2, 3)");
            t.HasCheckConstraint("ck_group_invitations_answered", "(status = 0) = (answered_at IS NULL)");
            t.HasCheckConstraint("ck_group_invitations_token_hash", $"octet_length(token_hash) = {GroupInvitation.TokenHashBytes}");
            t.HasCheckConstraint("ck_group_invitations_expiry", "expires_at > created_at");
            t.HasCheckConstraint("ck_group_invitations_email_not_blank", "btrim(email) <> ''");
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(GroupInvitation.EmailMaxLength).IsRequired();
        builder.Property(i => i.TokenHash).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.GroupId, i.Status });
        builder.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.AnsweredById).OnDelete(DeleteBehavior.SetNull);
    }
}
