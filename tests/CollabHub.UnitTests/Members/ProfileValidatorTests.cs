using CollabHub.Web.Features.Members.Profiles;

namespace CollabHub.UnitTests.Members;

public sealed class ProfileValidatorTests
{
    private static ProfileForm Valid() => new()
    {
        DisplayName = "  Amina   Diallo ",
        OrganisationCode = "OHCHR",
        JobTitle = "Human Rights Officer",
        DutyStation = "Geneva",
        Bio = "I work on **business and human rights**.\r\n\r\n- UNGPs\r\n",
        Expertise = "Business & Human Rights, UNGPs",
        Languages = ["fr", "en", "ar"],
        TimeZone = "Europe/Zurich",
    };

    [Fact]
    public void Validate_CompleteForm_ReturnsNormalisedChanges()
    {
        var changes = ProfileValidator.Validate(Valid(), out var errors);

        Assert.Empty(errors);
        Assert.NotNull(changes);
        Assert.Equal("Amina Diallo", changes.DisplayName);
        Assert.Equal("OHCHR", changes.OrganisationCode);
        Assert.Null(changes.OrganisationOther);
        Assert.Equal(["business & human rights", "ungps"], changes.Expertise);
        Assert.Equal(["ar", "en", "fr"], changes.Languages); // the catalogue's order: official languages as the UN lists them
        Assert.Equal("Europe/Zurich", changes.TimeZone);
        Assert.Equal("I work on **business and human rights**.\n\n- UNGPs", changes.Bio);
    }

    [Fact]
    public void Validate_OtherOrganisationWithoutName_AsksForTheName()
    {
        var form = Valid();
        form.OrganisationCode = UnOrganisations.OtherCode;
        form.OrganisationOther = "  ";

        Assert.Null(ProfileValidator.Validate(form, out var errors));
        Assert.Equal("Enter your organisation's name, at most 120 characters.", errors[nameof(ProfileForm.OrganisationOther)]);
    }

    [Fact]
    public void Validate_OtherOrganisationWithName_KeepsTheName()
    {
        var form = Valid();
        form.OrganisationCode = UnOrganisations.OtherCode;
        form.OrganisationOther = "Green Climate Fund";

        var changes = ProfileValidator.Validate(form, out _);

        Assert.Equal(("OTHER", "Green Climate Fund"), (changes!.OrganisationCode, changes.OrganisationOther));
    }

    [Fact]
    public void Validate_CatalogueOrganisation_DropsTheFreeText()
    {
        var form = Valid();
        form.OrganisationOther = "left over";

        Assert.Null(ProfileValidator.Validate(form, out _)!.OrganisationOther);
    }

    [Theory]
    [InlineData(nameof(ProfileForm.OrganisationCode), "NOT-AN-ORG")]
    [InlineData(nameof(ProfileForm.TimeZone), "Mars/Olympus_Mons")]
    [InlineData(nameof(ProfileForm.DisplayName), "A")]
    [InlineData(nameof(ProfileForm.Expertise), "<b>")]
    public void Validate_BadField_ReportsThatField(string field, string value)
    {
        var form = Valid();
        typeof(ProfileForm).GetProperty(field)!.SetValue(form, value);

        Assert.Null(ProfileValidator.Validate(form, out var errors));
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Validate_UnknownLanguage_IsRefused()
    {
        var form = Valid();
        form.Languages = ["en", "xx"];

        Assert.Null(ProfileValidator.Validate(form, out var errors));
        Assert.Equal("Choose languages from the list.", errors[nameof(ProfileForm.Languages)]);
    }

    [Fact]
    public void Validate_LongFields_StateTheLimit()
    {
        var form = Valid();
        form.Bio = new string('x', MemberProfile.BioMaxLength + 1);
        form.JobTitle = new string('x', MemberProfile.JobTitleMaxLength + 1);
        form.DutyStation = new string('x', MemberProfile.DutyStationMaxLength + 1);

        Assert.Null(ProfileValidator.Validate(form, out var errors));
        Assert.Equal("About you can have at most 2000 characters; it has 2001.", errors[nameof(ProfileForm.Bio)]);
        Assert.Equal("Job title can have at most 120 characters.", errors[nameof(ProfileForm.JobTitle)]);
        Assert.Equal("Duty station can have at most 100 characters.", errors[nameof(ProfileForm.DutyStation)]);
    }

    [Fact]
    public void Catalogue_CoversTheEntitiesColleaguesName()
    {
        string[] expected = ["OHCHR", "DPPA", "DESA", "OCHA", "DGC", "UNDP", "UNICEF", "WFP", "UNFPA", "UNEP", "UN-Habitat", "UNHCR",
            "UNRWA", "UN Women", "UNODC", "UNOPS", "WHO", "ILO", "FAO", "UNESCO", "ICAO", "IFAD", "IMF", "WBG", "ITU", "UPU", "WMO",
            "WIPO", "UNIDO", "IMO", "UN Tourism", "IOM", "IAEA", "WTO", "OPCW", "ECA", "ECE", "ECLAC", "ESCAP", "ESCWA", "UNITAR", "UNU", "UNSSC"];

        Assert.All(expected, code => Assert.NotNull(UnOrganisations.Find(code)));
        Assert.Equal(UnOrganisations.All.Count, UnOrganisations.All.Select(o => o.Code).Distinct().Count());
        Assert.All(UnOrganisations.All, o => Assert.True(o.Code.Length <= UnOrganisations.CodeMaxLength, o.Code));
        Assert.Equal(["ar", "zh", "en", "fr", "ru", "es"], SpokenLanguages.All.Take(6).Select(l => l.Code));
    }
}
