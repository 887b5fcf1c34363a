using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Security;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.UnitTests.Members;

public sealed class PasswordPolicyValidatorTests
{
    private static readonly ApplicationUser Amina = new() { UserName = "amina.diallo@undp.org", Email = "amina.diallo@undp.org" };

    [Fact]
    public void CommonPasswords_ShipsTheTopTenThousand()
    {
        Assert.Equal(10_000, CommonPasswords.Count);
        Assert.True(CommonPasswords.Contains("password"));
        Assert.True(CommonPasswords.Contains("123456"));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Réunion à Genève, 9h")]
    [InlineData("aaaaaaaaaaaa")] // no composition rules: length and rarity are what count
    public async Task Validate_LongUncommonPassword_Succeeds(string password)
    {
        var result = await Validate(password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("1qaz2wsx3edc")] // in the list, and long enough for Identity's own length check
    [InlineData("QWERTY123456")] // case does not disguise it
    [InlineData("  q1w2e3r4t5y6  ")]
    public async Task Validate_CommonPassword_IsRejectedWithAReason(string password)
    {
        Assert.True(CommonPasswords.Contains(password.Trim()), "the example must be on the shipped list");

        var result = await Validate(password);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PasswordTooCommon", error.Code);
        Assert.Contains("most commonly used", error.Description);
    }

    [Theory]
    [InlineData("my amina.diallo passphrase")]
    [InlineData("AMINA.DIALLO-is-here")]
    public async Task Validate_PasswordContainingTheEmailName_IsRejected(string password)
    {
        var result = await Validate(password);

        Assert.Equal("PasswordContainsEmail", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Validate_VeryShortEmailName_IsNotTreatedAsAWord()
    {
        var jo = new ApplicationUser { UserName = "jo@who.int", Email = "jo@who.int" };

        var result = await new PasswordPolicyValidator().ValidateAsync(null!, jo, "journey to the south");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Validate_UpToTheMaximumLength_IsAllowed_AndLongerIsRejected()
    {
        Assert.True((await Validate(new string('x', PasswordPolicy.MaxLength - 3) + "yz!")).Succeeded);

        var tooLong = await Validate(new string('x', PasswordPolicy.MaxLength) + "y");

        Assert.Equal("PasswordTooLong", Assert.Single(tooLong.Errors).Code);
        Assert.True(PasswordPolicy.MaxLength >= 128);
    }

    private static Task<IdentityResult> Validate(string password) =>
        new PasswordPolicyValidator().ValidateAsync(null!, Amina, password);
}
