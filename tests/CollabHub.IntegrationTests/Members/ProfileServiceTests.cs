using System.Security.Claims;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Members;

/// <summary>The services' own rules, whatever page calls them.</summary>
public sealed class ProfileServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Services_AnonymousCaller_IsRefused()
    {
        using var scope = fixture.App.Services.CreateScope();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var directory = scope.ServiceProvider.GetRequiredService<MemberDirectoryService>();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => directory.SearchAsync(anonymous, new MemberDirectoryQuery(null, null, 1), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => directory.GetProfileAsync(anonymous, "someone", Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => profiles.GetAvatarAsync(anonymous, "someone", Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => profiles.SaveAsync(anonymous, new ProfileForm { DisplayName = "Nobody" }, null, Ct));
    }

    [Fact]
    public async Task SaveAsync_SimultaneousFirstSaves_AllSucceedWithOneProfile()
    {
        var userId = (await TestAccounts.CreateAsync(fixture.App, "Racing Member")).Id;
        var member = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

        var saves = Enumerable.Range(0, 6).Select(async i =>
        {
            using var scope = fixture.App.Services.CreateScope();
            var form = new ProfileForm { DisplayName = "Racing Member", DutyStation = $"Station {i}" };
            return await scope.ServiceProvider.GetRequiredService<ProfileService>().SaveAsync(member, form, null, Ct);
        });
        var results = await Task.WhenAll(saves);

        Assert.All(results, r => Assert.True(r.Succeeded));
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.MemberProfiles.CountAsync(p => p.UserId == userId, Ct));
    }

    [Fact]
    public async Task Database_OtherOrganisationWithoutName_IsRefusedByTheCheckConstraint()
    {
        var userId = (await TestAccounts.CreateAsync(fixture.App, "Constraint Member")).Id;
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var profile = MemberProfile.For(userId);
        profile.Apply(new ProfileChanges("Constraint Member", UnOrganisations.OtherCode, null, "", "", "", [], [], null), DateTimeOffset.UtcNow);
        db.Add(profile);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.Contains("ck_member_profiles_organisation_other", error.InnerException?.Message);
    }
}
