namespace CollabHub.Web.Features.Groups;

/// <summary>A member's role inside one group; ordered, so <c>role &gt;= Moderator</c> reads as "may moderate".</summary>
public enum GroupRole
{
    Member = 0,
    Moderator = 1,
    Owner = 2,
}
