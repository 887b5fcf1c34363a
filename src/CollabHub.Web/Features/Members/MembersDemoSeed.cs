using System.Security.Cryptography;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members;

/// <summary>The site roles and a demo administrator whose generated password is printed once, never stored in clear.</summary>
public sealed class MembersDemoSeed(
    IPasswordHasher<ApplicationUser> hasher,
    ILookupNormalizer normalizer,
    TimeProvider clock,
    DemoCredentialsPrinter printer) : IDemoSeedStep
{
    public const string AdminEmail = "admin@collabhub.example";

    public string Key => "members/roles-and-admin";

    public Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var roles = SiteRoles.All
            .Select(name => new IdentityRole(name) { NormalizedName = normalizer.NormalizeName(name) })
            .ToList();
        db.Roles.AddRange(roles);

        var admin = new ApplicationUser
        {
            UserName = AdminEmail,
            NormalizedUserName = normalizer.NormalizeName(AdminEmail),
            Email = AdminEmail,
            NormalizedEmail = normalizer.NormalizeEmail(AdminEmail),
            EmailConfirmed = true,
            DisplayName = "Demo Administrator",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var password = GeneratePassword();
        admin.PasswordHash = hasher.HashPassword(admin, password);
        db.Users.Add(admin);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = admin.Id, RoleId = roles.Single(r => r.Name == SiteRoles.Administrator).Id });

        printer.Print(AdminEmail, password);
        return Task.CompletedTask;
    }

    /// <summary>Four groups of five letters and digits, joined by hyphens: long, random and easy to type.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4)
            .Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 5)))
            .ToArray();
        // Identity's default policy (until Membership replaces it) wants a digit, an upper and a lower case letter.
        groups[0] = $"{groups[0][..2]}{RandomNumberGenerator.GetInt32(2, 10)}A{groups[0][4]}";
        groups[1] = $"a{groups[1][1..]}";
        return string.Join('-', groups);
    }
}
