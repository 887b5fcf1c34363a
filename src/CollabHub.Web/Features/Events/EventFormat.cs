namespace CollabHub.Web.Features.Events;

/// <summary>Where people take part. Stored as its number.</summary>
public enum EventFormat
{
    Online = 0,
    InPerson = 1,
    Hybrid = 2,
}
