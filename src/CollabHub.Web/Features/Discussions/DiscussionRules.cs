namespace CollabHub.Web.Features.Discussions;

/// <summary>The limits of what members write, checked here before anything is stored and again by the database.</summary>
public static class DiscussionRules
{
    public const int TitleMaxLength = 150;
    public const int BodyMaxLength = 10_000;
    public const int HideReasonMaxLength = 300;
    public const int FlagDetailsMaxLength = 500;
    public const int MaxMentionsPerPost = 20;

    /// <summary>Posts per page of a thread.</summary>
    public const int PostsPerPage = 20;

    /// <summary>Threads per page of a group's list and of search results.</summary>
    public const int ThreadsPerPage = 25;

    /// <summary>The title as stored: trimmed, line breaks flattened; refused when blank or too long.</summary>
    public static string Title(string? title)
    {
        var trimmed = string.Join(' ', (title ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (trimmed.Length == 0)
        {
            throw new DiscussionException("Give the thread a title.");
        }

        if (trimmed.Length > TitleMaxLength)
        {
            throw new DiscussionException($"Keep the title within {TitleMaxLength} characters; it has {trimmed.Length}.");
        }

        return trimmed;
    }

    /// <summary>The body as stored: trailing white space removed; refused when blank or too long.</summary>
    public static string Body(string? body)
    {
        var trimmed = (body ?? "").ReplaceLineEndings("\n").TrimEnd();
        if (string.IsNullOrWhiteSpace(trimmed))
        {
            throw new DiscussionException("Write something before posting.");
        }

        if (trimmed.Length > BodyMaxLength)
        {
            throw new DiscussionException($"Keep a post within {BodyMaxLength} characters; this one has {trimmed.Length}.");
        }

        return trimmed;
    }
}
