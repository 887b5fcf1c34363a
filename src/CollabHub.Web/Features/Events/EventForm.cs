using CollabHub.Web.Infrastructure.Text;

namespace CollabHub.Web.Features.Events;

/// <summary>
/// The organisers' form as typed: times are wall-clock times in <see cref="TimeZoneId"/>. <see cref="Validate"/>
/// turns it into <see cref="EventDetails"/> (UTC) or says what to fix, field by field.
/// </summary>
public sealed class EventForm
{
    public static readonly TagList TopicList = new(Event.MaxTopics, 40, "topic", "topics");

    public string? Title { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public string? TimeZoneId { get; set; }

    public EventFormat Format { get; set; } = EventFormat.Online;

    public string? Venue { get; set; }

    public string? JoinUrl { get; set; }

    public int? Capacity { get; set; }

    public DateTime? RegistrationOpens { get; set; }

    public DateTime? RegistrationCloses { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Topics { get; set; }

    /// <summary>Create only: the group's address, or empty for a site-wide event.</summary>
    public string? GroupSlug { get; set; }

    /// <summary>Create only: the programme (series) this is a session of.</summary>
    public string? SeriesSlug { get; set; }

    /// <summary>Create only: a programme that holds sessions instead of taking registrations itself.</summary>
    public bool IsSeries { get; set; }

    public static EventForm From(Event ev)
    {
        var zone = EventTimes.Zone(ev.TimeZoneId);
        return new EventForm
        {
            Title = ev.Title,
            Description = ev.Description,
            Start = EventTimes.ToLocal(ev.StartsAt, zone),
            End = EventTimes.ToLocal(ev.EndsAt, zone),
            TimeZoneId = ev.TimeZoneId,
            Format = ev.Format,
            Venue = ev.Venue,
            JoinUrl = ev.JoinUrl,
            Capacity = ev.Capacity,
            RegistrationOpens = ev.RegistrationOpensAt is { } o ? EventTimes.ToLocal(o, zone) : null,
            RegistrationCloses = ev.RegistrationClosesAt is { } c ? EventTimes.ToLocal(c, zone) : null,
            Topics = string.Join(", ", ev.Topics),
            IsSeries = ev.IsSeries,
        };
    }

    /// <summary>The details to store, or null with <paramref name="errors"/> naming each field to fix.</summary>
    public EventDetails? Validate(out Dictionary<string, string> errors)
    {
        errors = [];
        var title = Title?.Trim() ?? "";
        if (title.Length is 0 or > Event.TitleMaxLength)
        {
            errors[nameof(Title)] = $"Give the event a title of at most {Event.TitleMaxLength} characters.";
        }

        var description = Description?.Trim() ?? "";
        if (description.Length > Event.DescriptionMaxLength)
        {
            errors[nameof(Description)] = $"The description can have at most {Event.DescriptionMaxLength:N0} characters.";
        }

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId.Trim(), out zone) || !zone.HasIanaId)
        {
            errors[nameof(TimeZoneId)] = "Choose the time zone the times are in.";
            zone = null;
        }

        var starts = At(Start, zone, nameof(Start), "Enter when the event starts.", errors);
        var ends = At(End, zone, nameof(End), "Enter when the event ends.", errors);
        if (starts is { } s && ends is { } e && e <= s)
        {
            errors[nameof(End)] = "The event must end after it starts.";
        }

        var opens = RegistrationOpens is null ? null : At(RegistrationOpens, zone, nameof(RegistrationOpens), "", errors);
        var closes = RegistrationCloses is null ? null : At(RegistrationCloses, zone, nameof(RegistrationCloses), "", errors);
        if (opens is { } o && closes is { } c && c <= o)
        {
            errors[nameof(RegistrationCloses)] = "Registration must close after it opens.";
        }

        var venue = Blank(Venue);
        if (Format != EventFormat.Online && venue is null)
        {
            errors[nameof(Venue)] = "Say where the event takes place.";
        }
        else if (venue?.Length > Event.VenueMaxLength)
        {
            errors[nameof(Venue)] = $"The venue can have at most {Event.VenueMaxLength} characters.";
        }

        var joinUrl = Blank(JoinUrl);
        if (joinUrl is not null && (joinUrl.Length > Event.JoinUrlMaxLength || !Uri.TryCreate(joinUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps))
        {
            errors[nameof(JoinUrl)] = "The join link must be a full https:// address.";
        }

        if (Capacity is < 1 or > Event.MaxCapacity)
        {
            errors[nameof(Capacity)] = $"Seats must be between 1 and {Event.MaxCapacity:N0}, or empty for no limit.";
        }

        var topics = TopicList.Parse(Topics, out var topicError);
        if (topicError is not null)
        {
            errors[nameof(Topics)] = topicError;
        }

        return errors.Count > 0 ? null : new EventDetails(
            title, description, starts!.Value, ends!.Value, zone!.Id, Format,
            Format == EventFormat.Online ? null : venue, joinUrl, Capacity, opens, closes, topics ?? []);
    }

    private static DateTimeOffset? At(DateTime? local, TimeZoneInfo? zone, string field, string missing, Dictionary<string, string> errors)
    {
        if (local is null)
        {
            if (missing.Length > 0)
            {
                errors[field] = missing;
            }

            return null;
        }

        if (zone is null)
        {
            return null;
        }

        var utc = EventTimes.ToUtc(local.Value, zone);
        if (utc is null)
        {
            errors[field] = "That time does not exist in the chosen zone (the clocks skip it for daylight saving time).";
        }

        return utc;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
