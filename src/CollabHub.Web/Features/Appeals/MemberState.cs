namespace CollabHub.Web.Features.Appeals;

/// <summary>A Member State or observer State: its official short name, ISO 3166-1 codes and regional group.</summary>
public sealed record MemberState(string Name, string Alpha2, string Alpha3, UnRegionalGroup Region, bool IsObserver = false);
