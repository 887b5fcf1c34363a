using CollabHub.Web.Features.Members;

namespace CollabHub.UnitTests.Foundation;

public sealed class DemoPasswordTests
{
    [Fact]
    public void GeneratePassword_IsLongMixedAndDifferentEachTime()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => MembersDemoSeed.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", p);
            Assert.Contains(p, char.IsAsciiDigit);
            Assert.Contains(p, char.IsAsciiLetterUpper);
            Assert.Contains(p, char.IsAsciiLetterLower);
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
