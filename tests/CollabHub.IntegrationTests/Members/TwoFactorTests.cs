using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Members;

/// <summary>Two-factor sign-in with an authenticator app, set up from the QR code page, end to end over HTTP.</summary>
public sealed partial class TwoFactorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Authenticator_SetUpWithTheShownKey_ThenSignInAsksForItsCode()
    {
        var member = await TestAccounts.CreateAsync(fixture.App, "Careful");
        using var browser = new TestBrowser(fixture.App);
        await browser.SignInAsync(member.Email!, TestAccounts.Password);

        var setup = await browser.GetAsync("/Account/Manage/EnableAuthenticator");
        Assert.Matches(QrCode(), setup.Html);
        var key = SharedKey().Match(setup.Html).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await browser.SubmitFormAsync(setup, "send-code", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        Assert.Contains("Put these codes in a safe place", enabled.Html);

        using var later = new TestBrowser(fixture.App);
        var password = await later.SubmitFormAsync("Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = member.Email!,
            ["Input.Password"] = TestAccounts.Password,
        });
        Assert.Contains("Account/LoginWith2fa", password.Url.AbsoluteUri);
        Assert.DoesNotContain("Sign out", password.Html);

        var wrong = await later.SubmitFormAsync(password, "login-with-2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = NotTheCode(Totp(key)) });
        Assert.DoesNotContain("Sign out", wrong.Html);

        var right = await later.SubmitFormAsync(wrong, "login-with-2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp(key) });
        Assert.Contains("Sign out", right.Html);
    }

    /// <summary>RFC 6238 with Identity's parameters: SHA-1, 30-second steps, six digits, Base32 key.</summary>
    private static string Totp(string base32Key)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string NotTheCode(string code) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"class=""authenticator-qr""[^>]*><svg\b[^>]*viewBox")]
    private static partial Regex QrCode();

    [GeneratedRegex(@"<kbd>(?<key>[a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKey();
}
