using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Security;

namespace CollabHub.UnitTests.Foundation;

public sealed class DemoPasswordTests
{
    [Fact]
    public void GeneratePassword_IsLongPassesThePolicyAndDiffersEachTime()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => MembersDemoSeed.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", p);
            Assert.InRange(p.Length, PasswordPolicy.MinLength, PasswordPolicy.MaxLength);
            Assert.False(CommonPasswords.Contains(p));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
