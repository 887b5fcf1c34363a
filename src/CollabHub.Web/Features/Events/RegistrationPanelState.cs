namespace CollabHub.Web.Features.Events;

/// <summary>
/// What the registration button shows: the one action that fits (register, join the waitlist, cancel) or why there
/// is none, and the seats left. Decided here so the page and its tests agree.
/// </summary>
public sealed record RegistrationPanelState(
    RegistrationPanelKind Kind,
    string Slug,
    int? SeatsLeft,
    int? Capacity,
    int WaitlistCount,
    int? Position,
    string? ClosedReason,
    bool CanCancel)
{
    public static RegistrationPanelState For(EventPageView view)
    {
        var ev = view.Event;
        var reason = ev.RegistrationRefusal(view.Now);
        var kind = view.MyStatus switch
        {
            RegistrationStatus.Confirmed => RegistrationPanelKind.Registered,
            RegistrationStatus.Waitlisted => RegistrationPanelKind.Waitlisted,
            _ when reason is not null => RegistrationPanelKind.Closed,
            _ when !view.IsSignedIn => RegistrationPanelKind.SignIn,
            _ when !view.CanTakePart => RegistrationPanelKind.MembersOnly,
            _ when ev.SeatsLeft is 0 => RegistrationPanelKind.Full,
            _ => RegistrationPanelKind.Open,
        };
        // A registrant may cancel until the start, also after registration closed.
        var canCancel = kind is RegistrationPanelKind.Registered or RegistrationPanelKind.Waitlisted
            && view.Now < ev.StartsAt && ev.Status == EventStatus.Published;
        return new RegistrationPanelState(kind, ev.Slug, ev.SeatsLeft, ev.Capacity, ev.WaitlistCount, view.MyPosition, reason, canCancel);
    }
}
