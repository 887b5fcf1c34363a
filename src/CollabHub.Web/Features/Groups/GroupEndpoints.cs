using CollabHub.Web.Components.Account;
using Microsoft.AspNetCore.Antiforgery;
using CollabHub.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Mvc;

namespace CollabHub.Web.Features.Groups;

/// <summary>
/// The buttons on group pages post here (with the page's antiforgery token), not to the page itself: an action from
/// a stale page (the member was removed, the request already answered) still reaches the service, which re-checks
/// everything and answers with one clear sentence, shown on the page the member is sent back to. A group the member
/// may no longer see answers 404.
/// </summary>
internal static class GroupEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/groups/{slug}/cover", ServeCoverAsync);

        // Every action checks the antiforgery token, whether or not it takes other fields.
        var group = app.MapGroup("/groups/{slug}").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/join", (string slug, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.JoinAsync(Viewer(http), slug, ct)));
        group.MapPost("/leave", (string slug, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.LeaveAsync(Viewer(http), slug, ct)));
        group.MapPost("/requests", (string slug, [FromForm] string? message, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.RequestToJoinAsync(Viewer(http), slug, message, ct)));
        group.MapPost("/requests/withdraw", (string slug, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.WithdrawRequestAsync(Viewer(http), slug, ct)));
        group.MapPost("/requests/{id:guid}/approve", (string slug, Guid id, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.ApproveRequestAsync(Viewer(http), slug, id, ct)));
        group.MapPost("/requests/{id:guid}/decline", (string slug, Guid id, [FromForm] string? reply, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.DeclineRequestAsync(Viewer(http), slug, id, reply, ct)));
        group.MapPost("/members/{userId}/role", (string slug, string userId, [FromForm] GroupRole role, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.ChangeRoleAsync(Viewer(http), slug, userId, role, ct)));
        group.MapPost("/members/{userId}/remove", (string slug, string userId, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.RemoveAsync(Viewer(http), slug, userId, ct)));
        group.MapPost("/members/{userId}/ban", (string slug, string userId, [FromForm] string? reason, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.BanAsync(Viewer(http), slug, userId, reason, ct)));
        group.MapPost("/bans/{userId}/lift", (string slug, string userId, [FromForm] string? returnUrl, HttpContext http, GroupMembershipService members, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, members.LiftBanAsync(Viewer(http), slug, userId, ct)));
        group.MapPost("/invitations", (string slug, [FromForm] string? emails, [FromForm] string? returnUrl, HttpContext http, GroupInvitationService invitations, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, invitations.InviteAsync(Viewer(http), slug, emails, ct)));
        group.MapPost("/invitations/{id:guid}/revoke", (string slug, Guid id, [FromForm] string? returnUrl, HttpContext http, GroupInvitationService invitations, CancellationToken ct) =>
            ReportAsync(http, slug, returnUrl, invitations.RevokeAsync(Viewer(http), slug, id, ct)));

        var invitation = app.MapGroup("/" + GroupLinks.InvitationsPath + "/{token}").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        invitation.MapPost("/accept", (string token, HttpContext http, GroupInvitationService invitations, CancellationToken ct) =>
            AnswerAsync(http, token, invitations.AcceptAsync(Viewer(http), token, ct), accepted: true));
        invitation.MapPost("/decline", (string token, HttpContext http, GroupInvitationService invitations, CancellationToken ct) =>
            AnswerAsync(http, token, invitations.DeclineAsync(Viewer(http), token, ct), accepted: false));
    }

    private static GroupViewer Viewer(HttpContext http) => GroupViewer.From(http.User);

    private static async Task<IResult> ReportAsync(HttpContext http, string slug, string? returnUrl, Task<GroupOutcome> operation)
    {
        var outcome = await operation;
        if (outcome.Kind == GroupOutcomeKind.NotFound)
        {
            return Results.NotFound();
        }

        IdentityRedirectManager.SetStatus(http, outcome.Succeeded ? outcome.Message : $"Error: {outcome.Message}");

        // Back to the page the member acted on, unless the action took that page away from them (leaving a
        // private group, say): then its About page, or the directory when even that is gone.
        var access = await http.RequestServices.GetRequiredService<GroupAccessService>().FindAsync(slug, Viewer(http), http.RequestAborted);
        var about = "/" + GroupLinks.Page(slug);
        var target = access is null ? "/groups"
            : access.CanRead && IsPageOf(slug, returnUrl) ? "/" + returnUrl!.TrimStart('/')
            : about;
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, string token, Task<(GroupOutcome Outcome, string? Slug)> operation, bool accepted)
    {
        var (outcome, slug) = await operation;
        if (outcome.Kind == GroupOutcomeKind.NotFound)
        {
            return Results.NotFound();
        }

        IdentityRedirectManager.SetStatus(http, outcome.Succeeded ? outcome.Message : $"Error: {outcome.Message}");
        return Results.LocalRedirect(outcome.Succeeded
            ? (accepted ? "/" + GroupLinks.Page(slug!) : "/groups")
            : "/" + GroupLinks.Invitation(token));
    }

    /// <summary>Only pages of this group are return targets, so the form field can't send anyone elsewhere.</summary>
    internal static bool IsPageOf(string slug, string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl))
        {
            return false;
        }

        var path = returnUrl.TrimStart('/');
        var page = GroupLinks.Page(slug);
        return path.StartsWith(page, StringComparison.Ordinal)
            && (path.Length == page.Length || path[page.Length] is '/' or '?')
            && !path.Contains("//", StringComparison.Ordinal)
            && !path.Contains('\\', StringComparison.Ordinal);
    }

    private static async Task<IResult> ServeCoverAsync(string slug, string? v, HttpContext http, GroupService groups, CancellationToken cancellationToken)
    {
        var cover = await groups.GetCoverAsync(Viewer(http), slug, cancellationToken);
        return cover is null
            ? Results.NotFound()
            : ImageResults.Serve(http, cover.Content, cover.ContentType, cover.Version, v, "cover.webp");
    }
}
