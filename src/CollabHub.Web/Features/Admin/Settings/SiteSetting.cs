namespace CollabHub.Web.Features.Admin.Settings;

/// <summary>One site-wide setting that administrators change at run time, stored as text under a stable key.</summary>
public class SiteSetting
{
    public const int KeyMaxLength = 100;
    public const int ValueMaxLength = 2000;

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The administrator who last changed it; null once that account is deleted.</summary>
    public string? UpdatedById { get; set; }
}
