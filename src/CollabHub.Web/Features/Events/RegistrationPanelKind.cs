namespace CollabHub.Web.Features.Events;

public enum RegistrationPanelKind
{
    /// <summary>Seats are free: "Register".</summary>
    Open,

    /// <summary>No seat left: "Join the waitlist".</summary>
    Full,

    /// <summary>The viewer holds a seat.</summary>
    Registered,

    /// <summary>The viewer is waiting, at a position.</summary>
    Waitlisted,

    /// <summary>Not taking registrations (window, start, cancelled, draft, programme), with the reason.</summary>
    Closed,

    /// <summary>A visitor: sign in to register.</summary>
    SignIn,

    /// <summary>A group's event for a viewer who may see it but not take part (not a member of the group).</summary>
    MembersOnly,
}
