using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Admin;

/// <summary>
/// Identity asks this before every sign-in (password, passkey, two-factor, external login) because
/// <c>SignIn.RequireConfirmedAccount</c> is on: a suspended account is not allowed in, whatever its password.
/// Done here rather than in a SignInManager subclass so it composes with any SignInManager the app uses.
/// </summary>
public sealed class SuspensionAwareUserConfirmation : IUserConfirmation<ApplicationUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        user.SuspendedAt is null && await manager.IsEmailConfirmedAsync(user);
}
