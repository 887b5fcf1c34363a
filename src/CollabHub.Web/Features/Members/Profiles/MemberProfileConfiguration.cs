using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CollabHub.Web.Features.Members.Profiles;

public sealed class MemberProfileConfiguration : IEntityTypeConfiguration<MemberProfile>
{
    public void Configure(EntityTypeBuilder<MemberProfile> builder)
    {
        builder.ToTable("member_profiles", t =>
        {
            t.HasCheckConstraint(
                "ck_member_profiles_organisation_other",
                $"(organisation_code IS NOT DISTINCT FROM '{UnOrganisations.OtherCode}') = (organisation_other IS NOT NULL AND btrim(organisation_other) <> '')");
            t.HasCheckConstraint("ck_member_profiles_bio_length", $"char_length(bio) <= {MemberProfile.BioMaxLength}");
            t.HasCheckConstraint("ck_member_profiles_expertise_count", $"cardinality(expertise) <= {ExpertiseTags.MaxCount}");
            t.HasCheckConstraint("ck_member_profiles_languages_count", $"cardinality(languages) <= {SpokenLanguages.MaxPerMember}");
        });
        builder.HasKey(p => p.UserId);
        builder.HasOne<ApplicationUser>()
            .WithOne()
            .HasForeignKey<MemberProfile>(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade);

        builder.Property(p => p.OrganisationCode).HasMaxLength(UnOrganisations.CodeMaxLength);
        builder.Property(p => p.OrganisationOther).HasMaxLength(MemberProfile.OrganisationOtherMaxLength);
        builder.Property(p => p.DutyStation).HasMaxLength(MemberProfile.DutyStationMaxLength).IsRequired();
        builder.Property(p => p.JobTitle).HasMaxLength(MemberProfile.JobTitleMaxLength).IsRequired();
        builder.Property(p => p.Bio).IsRequired();
        builder.Property(p => p.Expertise).IsRequired();
        builder.Property(p => p.Languages).IsRequired();
        builder.Property(p => p.TimeZone).HasMaxLength(MemberTimeZones.IdMaxLength);
        builder.Property(p => p.SearchText).IsRequired();
        builder.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");

        builder.HasIndex(p => p.OrganisationCode);
        // Substring search (ILIKE '%term%') over duty station, title and expertise without scanning every row.
        builder.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
