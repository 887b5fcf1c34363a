using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Appeals;

public sealed class EndorsementConfiguration : IEntityTypeConfiguration<Endorsement>
{
    public void Configure(EntityTypeBuilder<Endorsement> builder)
    {
        builder.ToTable("appeal_endorsements", t =>
        {
            t.HasCheckConstraint("ck_appeal_endorsements_capacity", "capacity IN (0, 1, 2)");
            t.HasCheckConstraint("ck_appeal_endorsements_status", "status IN (0, 1)");
            // An individual is a member or a visitor with an address, never both or neither.
            t.HasCheckConstraint("ck_appeal_endorsements_individual", "capacity <> 0 OR ((user_id IS NULL) <> (email IS NULL))");
            t.HasCheckConstraint("ck_appeal_endorsements_visitor_name", "email IS NULL OR btrim(name) <> ''");
            t.HasCheckConstraint("ck_appeal_endorsements_organisation",
                "capacity <> 1 OR (organisation_type IN (0, 1, 2, 3, 4) AND country_code IS NOT NULL AND btrim(name) <> '')");
            t.HasCheckConstraint("ck_appeal_endorsements_state",
                "capacity <> 2 OR (status = 1 AND country_code IS NOT NULL AND reference IS NOT NULL AND btrim(reference) <> '')");
            t.HasCheckConstraint("ck_appeal_endorsements_country_code", "country_code IS NULL OR country_code ~ '^[A-Z]{2}$'");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(Endorsement.NameMaxLength).IsRequired();
        builder.Property(e => e.Email).HasMaxLength(Endorsement.EmailMaxLength);
        builder.Property(e => e.CountryCode).HasMaxLength(2).IsFixedLength(false);
        builder.Property(e => e.Reference).HasMaxLength(Endorsement.ReferenceMaxLength);

        // Lower-cased keys kept by PostgreSQL itself, so "Amnesty" and "AMNESTY" (or two spellings of one address)
        // collide in the unique indexes below whatever path wrote the row.
        builder.Property<string>("EmailKey").HasComputedColumnSql("lower(email)", stored: true);
        builder.Property<string>("NameKey").HasComputedColumnSql("lower(btrim(name))", stored: true);

        builder.HasIndex(e => new { e.AppealId, e.UserId }, "ux_appeal_endorsements_member").IsUnique()
            .HasFilter("capacity = 0 AND user_id IS NOT NULL");
        builder.HasIndex("AppealId", "EmailKey").HasDatabaseName("ux_appeal_endorsements_visitor").IsUnique()
            .HasFilter("capacity = 0 AND email IS NOT NULL");
        builder.HasIndex("AppealId", "NameKey", nameof(Endorsement.CountryCode)).HasDatabaseName("ux_appeal_endorsements_organisation").IsUnique()
            .HasFilter("capacity = 1");
        builder.HasIndex(e => new { e.AppealId, e.CountryCode }, "ux_appeal_endorsements_state").IsUnique()
            .HasFilter("capacity = 2");
        builder.HasIndex(e => new { e.AppealId, e.Capacity, e.Status });
        builder.HasIndex(e => e.ConfirmationHash).IsUnique().HasFilter("confirmation_hash IS NOT NULL");
        builder.HasIndex(e => e.WithdrawHash).IsUnique().HasFilter("withdraw_hash IS NOT NULL");

        builder.HasOne<Appeal>().WithMany().HasForeignKey(e => e.AppealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ConfirmedById).OnDelete(DeleteBehavior.SetNull);
    }
}
