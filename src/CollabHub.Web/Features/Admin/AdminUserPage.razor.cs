using System.ComponentModel.DataAnnotations;
using CollabHub.Web.Components.Account;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Admin;

/// <summary>
/// One account, with a form per action. Static rendering: each form posts, the service re-checks everything,
/// and the page redirects to itself with one status line (post-redirect-get), so a reload never repeats an action.
/// </summary>
public sealed partial class AdminUserPage
{
    private const int HistorySize = 10;

    private static readonly (string Role, string Hint)[] RoleHints =
    [
        (SiteRoles.Administrator, "Manages members, roles and the whole site."),
        (SiteRoles.Moderator, "Moderates content in every group."),
        (SiteRoles.Member, "A regular member."),
    ];

    private MemberAccount? member;
    private IReadOnlyList<AuditEntry> history = [];

    [Parameter]
    public string Id { get; set; } = "";

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private MemberAdministrationService Members { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> UserManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IdentityRedirectManager RedirectManager { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "roles")]
    private string[]? SelectedRoles { get; set; }

    [SupplyParameterFromForm(FormName = "suspend")]
    private SuspensionInput Suspension { get; set; } = default!;

    private bool IsSelf => member is not null && UserManager.GetUserId(HttpContext.User) == member.Id;

    protected override async Task OnInitializedAsync()
    {
        Suspension ??= new();
        member = await Members.FindAsync(Id);
        if (member is null)
        {
            Navigation.NotFound();
            return;
        }

        history = (await Audit.ListAsync(new AuditFilter(SubjectUserId: member.Id), page: 1, HistorySize)).Items;
    }

    private async Task SaveRolesAsync() =>
        Report(await Members.SetRolesAsync(HttpContext.User, Id, SelectedRoles ?? []));

    private async Task SuspendAsync() =>
        Report(await Members.SuspendAsync(HttpContext.User, Id, Suspension.Reason));

    private async Task ReinstateAsync() =>
        Report(await Members.ReinstateAsync(HttpContext.User, Id));

    private async Task ResendConfirmationAsync() =>
        Report(await Members.ResendConfirmationAsync(HttpContext.User, Id));

    private void Report(AdminOutcome outcome) =>
        RedirectManager.RedirectToCurrentPageWithStatus(outcome.Succeeded ? outcome.Message : $"Error: {outcome.Message}", HttpContext);

    private sealed class SuspensionInput
    {
        [Required(ErrorMessage = "Give a reason for the suspension.")]
        [StringLength(ApplicationUser.SuspensionReasonMaxLength, ErrorMessage = "Keep the reason within {1} characters.")]
        public string Reason { get; set; } = "";
    }
}
