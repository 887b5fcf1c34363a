namespace CollabHub.Web.Features.Events;

/// <summary>English keys for the localizer.</summary>
public static class EventLabels
{
    public static string Format(EventFormat format) => format switch
    {
        EventFormat.Online => "Online",
        EventFormat.InPerson => "In person",
        EventFormat.Hybrid => "Hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Status(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Confirmed",
        RegistrationStatus.Waitlisted => "Waitlisted",
        RegistrationStatus.Cancelled => "Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
