using System.Security.Cryptography;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

    public async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // `create-admin` may have made the roles before demo content was switched on.
        var existing = await db.Roles.ToListAsync(cancellationToken);
        var missing = SiteRoles.All
            .Where(name => !existing.Any(r => r.Name == name))
            .Select(name => new IdentityRole(name) { NormalizedName = normalizer.NormalizeName(name) })
            .ToList();
        db.Roles.AddRange(missing);
        var roles = existing.Concat(missing).ToList();

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
    }

    /// <summary>Four groups of five letters and digits, joined by hyphens: about 128 bits, and easy to type.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 5))));
    }
}
