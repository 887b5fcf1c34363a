using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// Makes the demo hub look lived in: the demo administrator owns the founding groups (now with topics), a handful of
/// colleagues with profiles belong to groups in every role, and a private and a hidden group show requests and
/// invitations. The colleagues' passwords are random and never shown: they exist to be seen, not to sign in as.
/// </summary>
public sealed class GroupsCommunityDemoSeed(
    IPasswordHasher<ApplicationUser> hasher,
    ILookupNormalizer normalizer,
    TimeProvider clock) : IDemoSeedStep
{
    public string Key => "groups/community";

    public async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var colleague in GroupsDemoPeople.All)
        {
            people[colleague.Key] = await AddColleagueAsync(db, colleague, now, cancellationToken);
        }

        var adminEmail = normalizer.NormalizeEmail(MembersDemoSeed.AdminEmail);
        if (await db.Users.Where(u => u.NormalizedEmail == adminEmail).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) is { } adminId)
        {
            people["admin"] = adminId;
        }

        foreach (var plan in GroupsDemoPeople.Groups)
        {
            var group = await db.Groups.SingleOrDefaultAsync(g => g.Slug == plan.Slug, cancellationToken);
            if (group is null)
            {
                group = new Group { Slug = plan.Slug, CreatedAt = now - plan.Age };
                group.Describe(new GroupDetails(plan.Name!, plan.Summary!, plan.Description!, plan.Topics));
                group.SetAccess(plan.Visibility, plan.JoinPolicy);
                db.Groups.Add(group);
            }
            else
            {
                group.Topics = [.. plan.Topics];
            }

            var existing = await db.GroupMemberships.Where(m => m.GroupId == group.Id).Select(m => m.UserId).ToListAsync(cancellationToken);
            foreach (var (key, role) in plan.Members)
            {
                if (people.TryGetValue(key, out var userId) && !existing.Contains(userId))
                {
                    db.GroupMemberships.Add(group.AddMember(userId, role, now - plan.Age / 2));
                    existing.Add(userId);
                }
            }

            group.CreatedById ??= plan.Members.Where(m => m.Role == GroupRole.Owner).Select(m => people.GetValueOrDefault(m.Person)).FirstOrDefault(id => id is not null);
            group.LastActivityAt = now - plan.LastActive;
            foreach (var (key, message) in plan.Requests)
            {
                db.GroupJoinRequests.Add(GroupJoinRequest.Create(group.Id, people[key], message, now - TimeSpan.FromDays(2)));
            }

            foreach (var email in plan.Invitations)
            {
                // The link would only be in a mail; the moderators see the invitation waiting in their list.
                var (invitation, _) = GroupInvitation.Create(group.Id, email, people[plan.Members[0].Person], now - TimeSpan.FromDays(1));
                db.GroupInvitations.Add(invitation);
            }
        }
    }

    private async Task<string> AddColleagueAsync(AppDbContext db, GroupsDemoPeople.Colleague colleague, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeEmail(colleague.Email);
        if (await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var user = new ApplicationUser
        {
            UserName = colleague.Email,
            NormalizedUserName = normalizer.NormalizeName(colleague.Email),
            Email = colleague.Email,
            NormalizedEmail = normalized,
            EmailConfirmed = true,
            DisplayName = colleague.Name,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            CreatedAt = now - TimeSpan.FromDays(60),
        };
        user.PasswordHash = hasher.HashPassword(user, MembersDemoSeed.GeneratePassword());
        db.Users.Add(user);

        var profile = MemberProfile.For(user.Id);
        profile.Apply(
            new ProfileChanges(colleague.Name, colleague.Organisation, null, colleague.DutyStation, colleague.JobTitle, colleague.Bio, colleague.Expertise, colleague.Languages, colleague.TimeZone),
            now);
        db.MemberProfiles.Add(profile);
        return user.Id;
    }
}
