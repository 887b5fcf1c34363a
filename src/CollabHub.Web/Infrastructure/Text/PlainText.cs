using System.Text;

namespace CollabHub.Web.Infrastructure.Text;

/// <summary>How typed text is tidied before it is checked and stored, the same way in every form.</summary>
public static class PlainText
{
    /// <summary>Trimmed, with runs of whitespace (and any control characters) collapsed to one space.</summary>
    public static string SingleLine(string? text)
    {
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a sentence: a full stop added unless it already ends as one does ("Which sources do
    /// you rely on?" stays as it is, where "?." was written after it).
    /// </summary>
    public static string Sentence(string text)
    {
        var trimmed = (text ?? "").TrimEnd();
        var end = trimmed.TrimEnd('"', '\'', '”', '’', '»', ')');
        return end.Length > 0 && end[^1] is '.' or '?' or '!' or '…' ? trimmed : trimmed + ".";
    }

    /// <summary>Several lines (Markdown, messages): line endings made "\n", trimmed at both ends.</summary>
    public static string Multiline(string? text) => (text ?? "").Normalize(NormalizationForm.FormC).ReplaceLineEndings("\n").Trim();
}
