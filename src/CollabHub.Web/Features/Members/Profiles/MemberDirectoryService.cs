using System.Security.Claims;
using CollabHub.Web.Infrastructure;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Features.Members.Profiles;

/// <summary>Members find each other: the searchable directory and public profiles, for signed-in members only.</summary>
public sealed class MemberDirectoryService(IDbContextFactory<AppDbContext> contexts, MarkdownRenderer markdown, TimeProvider clock)
{
    public async Task<MemberDirectoryResult> SearchAsync(ClaimsPrincipal viewer, MemberDirectoryQuery query, CancellationToken cancellationToken = default)
    {
        MemberPrincipal.RequireUserId(viewer);
        var page = Math.Max(1, query.Page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var rows =
            from u in db.Users.AsNoTracking()
            where u.EmailConfirmed && u.SuspendedAt == null
            join p in db.Set<MemberProfile>() on u.Id equals p.UserId into profiles
            from p in profiles.DefaultIfEmpty()
            join a in db.Set<MemberAvatar>() on u.Id equals a.UserId into pictures
            from a in pictures.DefaultIfEmpty()
            select new { u.Id, u.DisplayName, Profile = p, AvatarVersion = a == null ? (Guid?)null : a.Version };

        foreach (var word in SearchTerms.Words(query.Search, MemberDirectoryQuery.SearchMaxLength))
        {
            var pattern = SearchTerms.ContainsPattern(word);
            var organisations = UnOrganisations.CodesMatching(word).ToList();
            rows = rows.Where(r =>
                EF.Functions.ILike(r.DisplayName, pattern, "\\")
                || (r.Profile != null
                    && (EF.Functions.ILike(r.Profile.SearchText, pattern, "\\")
                        || organisations.Contains(r.Profile.OrganisationCode!))));
        }

        if (!string.IsNullOrWhiteSpace(query.Organisation))
        {
            var code = query.Organisation.Trim();
            rows = rows.Where(r => r.Profile != null && r.Profile.OrganisationCode == code);
        }

        // The total rides along with the page as an uncorrelated subquery (PostgreSQL runs it once): the directory was
        // two statements, the count and the page, beside the header's. Only a page past the end asks for it apart, and
        // then shows the last page (Paging.Within).
        var members = await rows
            .OrderBy(r => r.DisplayName).ThenBy(r => r.Id)
            .Skip((page - 1) * MemberDirectoryQuery.PageSize)
            .Take(MemberDirectoryQuery.PageSize)
            .Select(r => new
            {
                r.Id,
                r.DisplayName,
                Code = r.Profile == null ? null : r.Profile.OrganisationCode,
                Other = r.Profile == null ? null : r.Profile.OrganisationOther,
                JobTitle = r.Profile == null ? "" : r.Profile.JobTitle,
                DutyStation = r.Profile == null ? "" : r.Profile.DutyStation,
                r.AvatarVersion,
                Total = rows.Count(),
            })
            .ToListAsync(cancellationToken);
        var total = members.Count > 0 ? members[0].Total : page == 1 ? 0 : await rows.CountAsync(cancellationToken);
        if (members.Count == 0 && total > 0)
        {
            return await SearchAsync(viewer, query with { Page = Paging.Within(page, total, MemberDirectoryQuery.PageSize) }, cancellationToken);
        }

        var summaries = members
            .Select(m =>
            {
                var organisation = UnOrganisations.Find(m.Code);
                return new MemberSummary(m.Id, m.DisplayName, organisation?.Code ?? m.Other, organisation?.Name, m.JobTitle, m.DutyStation, m.AvatarVersion);
            })
            .ToList();
        return new MemberDirectoryResult(summaries, page, MemberDirectoryQuery.PageSize, total);
    }

    /// <summary>A member's profile, or null when there is no such (confirmed) member.</summary>
    public async Task<MemberProfileView?> GetProfileAsync(ClaimsPrincipal viewer, string userId, CancellationToken cancellationToken = default)
    {
        MemberPrincipal.RequireUserId(viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from u in db.Users.AsNoTracking()
                where u.Id == userId && u.EmailConfirmed
                join p in db.Set<MemberProfile>() on u.Id equals p.UserId into profiles
                from p in profiles.DefaultIfEmpty()
                join a in db.Set<MemberAvatar>() on u.Id equals a.UserId into pictures
                from a in pictures.DefaultIfEmpty()
                select new { u.DisplayName, u.CreatedAt, Profile = p, AvatarVersion = a == null ? (Guid?)null : a.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var profile = row.Profile;
        DateTimeOffset? localTime = null;
        if (MemberTimeZones.TryResolve(profile?.TimeZone, out var zone) && zone is not null)
        {
            localTime = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        }

        return new MemberProfileView(
            userId,
            row.DisplayName,
            UnOrganisations.Find(profile?.OrganisationCode),
            profile?.OrganisationOther,
            profile?.JobTitle ?? "",
            profile?.DutyStation ?? "",
            markdown.Render(profile?.Bio),
            profile?.Expertise ?? [],
            (profile?.Languages ?? []).Select(SpokenLanguages.Find).OfType<SpokenLanguage>().ToList(),
            zone?.Id,
            localTime,
            row.CreatedAt,
            row.AvatarVersion);
    }
}
