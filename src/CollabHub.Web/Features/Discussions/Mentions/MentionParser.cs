using Markdig.Helpers;
using Markdig.Parsers;

namespace CollabHub.Web.Features.Discussions.Mentions;

/// <summary>
/// Reads <c>@**Name**</c> and <c>@**Name|id**</c> (Zulip's form: readable in the source, unambiguous, and unlike a
/// bare <c>@name</c> it allows the spaces of real names). As a Markdig inline parser it never fires inside code.
/// </summary>
internal sealed class MentionParser : InlineParser
{
    public const int NameMaxLength = 100;

    public MentionParser() => OpeningCharacters = ['@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        // "someone@example.org" is an address, not a mention.
        var previous = slice.PeekCharExtra(-1);
        if (previous.IsAlphaNumeric())
        {
            return false;
        }

        if (slice.PeekCharExtra(1) != '*' || slice.PeekCharExtra(2) != '*')
        {
            return false;
        }

        var start = slice.Start + 3;
        var close = slice.Text.IndexOf("**", start, StringComparison.Ordinal);
        if (close < 0 || close > slice.End - 1 || close == start)
        {
            return false;
        }

        var inner = slice.Text[start..close];
        if (inner.Length > NameMaxLength + 80 || inner.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        var bar = inner.LastIndexOf('|');
        var name = (bar < 0 ? inner : inner[..bar]).Trim();
        var userId = bar < 0 ? null : inner[(bar + 1)..].Trim();
        if (name.Length == 0 || name.Length > NameMaxLength || name.AsSpan().IndexOfAny('@', '*') >= 0 || userId is { Length: 0 })
        {
            return false;
        }

        var position = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new MentionInline
        {
            Name = name,
            UserId = userId,
            Span = new Markdig.Syntax.SourceSpan(position, position + (close + 2 - slice.Start) - 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
