namespace CollabHub.Web.Features.Home;

/// <summary>Someone who shares a group with the member and is online now.</summary>
public sealed record HomeColleague(string UserId, string DisplayName);
