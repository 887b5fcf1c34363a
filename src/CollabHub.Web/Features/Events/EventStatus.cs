namespace CollabHub.Web.Features.Events;

/// <summary>An event's life: drafted by its organisers, published for everyone who may see it, or called off.</summary>
public enum EventStatus
{
    Draft = 0,
    Published = 1,
    Cancelled = 2,
}
