using System.Globalization;
using CollabHub.Web.Infrastructure.Text;

namespace CollabHub.Web.Features.Library;

/// <summary>Checks a posted <see cref="ResourceForm"/>; every problem is named against its field, and nothing is saved.</summary>
public static class ResourceDetailsValidator
{
    private static readonly TagList TopicList = new(Resource.MaxTopics, 40, "topic", "topics");

    /// <summary>The details, or null with the reasons keyed by form field.</summary>
    public static ResourceDetails? Validate(ResourceForm form, DateOnly today, bool hasFiles, out Dictionary<string, string> errors)
    {
        errors = [];
        var title = Text(form.Title);
        if (title.Length == 0)
        {
            errors[nameof(form.Title)] = "Give the resource a title.";
        }
        else if (title.Length > Resource.TitleMaxLength)
        {
            errors[nameof(form.Title)] = $"Keep the title under {Resource.TitleMaxLength} characters.";
        }

        var summary = Text(form.Summary);
        if (summary.Length == 0)
        {
            errors[nameof(form.Summary)] = "Write a short summary: what it is and who it helps.";
        }
        else if (summary.Length > Resource.SummaryMaxLength)
        {
            errors[nameof(form.Summary)] = $"Keep the summary under {Resource.SummaryMaxLength} characters.";
        }

        var description = (form.Description ?? "").Trim();
        if (description.Length > Resource.DescriptionMaxLength)
        {
            errors[nameof(form.Description)] = $"Keep the description under {Resource.DescriptionMaxLength} characters.";
        }

        if (!Enum.TryParse<ResourceType>(form.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type))
        {
            errors[nameof(form.Type)] = "Choose the type of resource.";
        }

        var entity = Optional(form.Entity, Resource.EntityMaxLength, nameof(form.Entity), "issuing entity", errors);
        var licence = Optional(form.Licence, Resource.LicenceMaxLength, nameof(form.Licence), "licence", errors);

        var authors = (form.Authors ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (authors.Count > Resource.MaxAuthors || authors.Any(a => a.Length > 120))
        {
            errors[nameof(form.Authors)] = $"Name at most {Resource.MaxAuthors} authors, each under 120 characters.";
        }

        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(form.PublishedOn))
        {
            if (!DateOnly.TryParseExact(form.PublishedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors[nameof(form.PublishedOn)] = "Enter the publication date as a date (year, month, day).";
            }
            else if (date > today)
            {
                errors[nameof(form.PublishedOn)] = "The publication date cannot be in the future.";
            }
            else if (date.Year < 1945)
            {
                errors[nameof(form.PublishedOn)] = "The publication date must be in 1945 or later.";
            }
            else
            {
                published = date;
            }
        }

        var languages = form.Languages.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Any(l => !LibraryLanguages.IsKnown(l)))
        {
            errors[nameof(form.Languages)] = "Choose languages from the list.";
        }

        var topics = TopicList.Parse(form.Topics, out var topicError);
        if (topicError is not null)
        {
            errors[nameof(form.Topics)] = topicError;
        }

        var sdgs = form.Sdgs.Distinct().Order().ToList();
        if (!sdgs.All(SustainableDevelopmentGoals.IsGoal))
        {
            errors[nameof(form.Sdgs)] = "Sustainable Development Goals are numbered 1 to 17.";
        }

        var link = Text(form.LinkUrl);
        if (link.Length > 0 && (link.Length > Resource.UrlMaxLength
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)))
        {
            errors[nameof(form.LinkUrl)] = "Enter a full web address starting with https:// or http://.";
        }
        else if (link.Length == 0 && !hasFiles)
        {
            errors[nameof(form.LinkUrl)] = "Give a link, upload a file, or both.";
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ResourceDetails(title, summary, description, type, entity, authors, published, languages, topics!, sdgs, licence, link.Length == 0 ? null : link);
    }

    private static string Text(string? value) => (value ?? "").Trim();

    private static string? Optional(string? value, int max, string field, string name, Dictionary<string, string> errors)
    {
        var text = Text(value);
        if (text.Length > max)
        {
            errors[field] = $"Keep the {name} under {max} characters.";
        }

        return text.Length == 0 ? null : text;
    }
}
