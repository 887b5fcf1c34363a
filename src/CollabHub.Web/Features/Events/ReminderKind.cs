namespace CollabHub.Web.Features.Events;

/// <summary>The reminders a confirmed registrant gets, each at most once; the value is how long before the start.</summary>
public enum ReminderKind
{
    DayBefore = 0,
    HourBefore = 1,
}
