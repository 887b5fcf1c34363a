using System.Net;

namespace CollabHub.Benchmarks.Chat;

/// <summary>A signed-in member: their id and the cookies that carry the session (for hub connections).</summary>
public sealed record BenchMember(string UserId, CookieContainer Cookies);
