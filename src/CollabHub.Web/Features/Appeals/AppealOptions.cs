namespace CollabHub.Web.Features.Appeals;

/// <summary>Limits on visitors' endorsements (section <c>Appeals</c>).</summary>
public sealed class AppealOptions
{
    public const string Section = "Appeals";

    /// <summary>Visitor endorsement posts per client address per window.</summary>
    public int PerIpPermits { get; set; } = 10;

    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Endorsement requests per e-mail address per window (across every appeal).</summary>
    public int PerAddressPermits { get; set; } = 3;

    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromHours(1);
}
