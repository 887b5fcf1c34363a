using System.Buffers.Binary;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Members;

public sealed class PasswordStorageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task NewAccount_StoresAPbkdf2Sha512HashWithAtLeast210000Iterations()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"hash-{Guid.NewGuid():N}@who.int";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Hash" };

        Assert.True((await users.CreateAsync(user, "a perfectly fine passphrase")).Succeeded);

        var stored = (await users.FindByEmailAsync(email))!.PasswordHash!;
        var (prf, iterations) = ReadV3Header(stored);
        Assert.Equal(KeyDerivationPrf.HMACSHA512, prf);
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
        Assert.Equal(PasswordPolicy.HashIterations, iterations);
    }

    [Fact]
    public async Task Registration_ThroughIdentity_RefusesAPasswordUnderTheMinimumLength()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"short-{Guid.NewGuid():N}@who.int";

        var result = await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = "Short" }, "elevenchars");

        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.Null(await users.FindByEmailAsync(email));
    }

    /// <summary>Identity's v3 format: 0x01, then PRF, iteration count and salt length as big-endian uint32s.</summary>
    internal static (KeyDerivationPrf Prf, int Iterations) ReadV3Header(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return ((KeyDerivationPrf)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    internal enum KeyDerivationPrf
    {
        HMACSHA1 = 0,
        HMACSHA256 = 1,
        HMACSHA512 = 2,
    }
}
