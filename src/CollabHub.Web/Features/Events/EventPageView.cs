using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Events;

/// <summary>Everything the event page shows one viewer.</summary>
public sealed record EventPageView(
    Event Event,
    bool CanOrganise,
    bool CanTakePart,
    bool IsSignedIn,
    string? GroupName,
    string? GroupSlug,
    MarkupString DescriptionHtml,
    RegistrationStatus? MyStatus,
    int? MyPosition,
    IReadOnlyList<EventSummary> Sessions,
    (string Slug, string Title)? Series,
    TimeZoneInfo ViewerZone,
    DateTimeOffset Now)
{
    /// <summary>The join link: for confirmed registrants and organisers only.</summary>
    public string? JoinUrl => CanOrganise || MyStatus == RegistrationStatus.Confirmed ? Event.JoinUrl : null;

    public RegistrationPanelState Panel => RegistrationPanelState.For(this);
}
