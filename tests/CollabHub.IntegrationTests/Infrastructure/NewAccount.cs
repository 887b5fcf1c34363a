namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// An account for <see cref="TestAccounts.CreateAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory{Program}, NewAccount)"/>
/// to make: unless told otherwise, confirmed, with a unique address made from the display name, the kit's password and no
/// site roles.
/// </summary>
public sealed record NewAccount(string DisplayName)
{
    public string Email { get; init; } = TestAccounts.UniqueEmail(DisplayName);

    /// <summary>Null makes an account without a password, as <c>create-admin</c> does.</summary>
    public string? Password { get; init; } = TestAccounts.Password;

    public bool EmailConfirmed { get; init; } = true;

    public IReadOnlyList<string> Roles { get; init; } = [];
}
