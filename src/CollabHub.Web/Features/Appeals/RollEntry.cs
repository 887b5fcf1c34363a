namespace CollabHub.Web.Features.Appeals;

/// <summary>One name on the public roll: a State, a confirmed organisation, or a listed individual (display name only).</summary>
public sealed record RollEntry(EndorsementCapacity Capacity, string Name, OrganisationType? Type, string? CountryCode, DateTimeOffset ConfirmedAt);
