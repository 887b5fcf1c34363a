using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Components.Account.Pages.Manage;

/// <summary>
/// The member's profile editor. Static SSR (it sets the status cookie and takes a multipart upload); the picture
/// travels with the other fields, so one save either changes everything or, on any error, nothing.
/// </summary>
public partial class Index
{
    private const string AvatarField = "Avatar";
    private const string LanguagesField = $"{nameof(Input)}.{nameof(ProfileForm.Languages)}";

    private EditContext? editContext;
    private ValidationMessageStore? messages;
    private string? userId;
    private Guid? avatarVersion;

    [Inject]
    private ProfileService Profiles { get; set; } = default!;

    [Inject]
    private UserManager<ApplicationUser> UserManager { get; set; } = default!;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

    [Inject]
    private IdentityRedirectManager RedirectManager { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "profile")]
    private ProfileForm Input { get; set; } = default!;

    private FieldIdentifier AvatarFieldIdentifier => new(Input, AvatarField);

    protected override async Task OnInitializedAsync()
    {
        var own = await Profiles.GetOwnAsync(HttpContext.User);
        if (own is null)
        {
            RedirectManager.RedirectToInvalidUser(UserManager, HttpContext);
            return;
        }

        userId = own.UserId;
        avatarVersion = own.AvatarVersion;
        Input ??= own.Form;
        editContext = new EditContext(Input);
        messages = new ValidationMessageStore(editContext);
    }

    private async Task SaveAsync()
    {
        if (editContext is null || messages is null)
        {
            return;
        }

        var upload = HttpContext.Request.HasFormContentType ? HttpContext.Request.Form.Files.GetFile(AvatarField) : null;
        ProfileSaveResult result;
        if (upload is { Length: > 0 })
        {
            await using var stream = upload.OpenReadStream();
            result = await Profiles.SaveAsync(HttpContext.User, Input, stream);
        }
        else
        {
            result = await Profiles.SaveAsync(HttpContext.User, Input, avatarUpload: null);
        }

        if (result.Succeeded)
        {
            // The display name travels in the sign-in cookie; renew it so the header shows the new one.
            if (await UserManager.GetUserAsync(HttpContext.User) is { } user)
            {
                await SignInManager.RefreshSignInAsync(user);
            }

            RedirectManager.RedirectToCurrentPageWithStatus("Your profile has been saved.", HttpContext);
            return;
        }

        messages.Clear();
        foreach (var (field, message) in result.Errors)
        {
            messages.Add(new FieldIdentifier(Input, field), message);
        }

        editContext.NotifyValidationStateChanged();
    }

    private async Task RemoveAvatarAsync()
    {
        var removed = await Profiles.RemoveAvatarAsync(HttpContext.User);
        RedirectManager.RedirectToCurrentPageWithStatus(removed ? "Your photo has been removed." : "You have no photo to remove.", HttpContext);
    }
}
