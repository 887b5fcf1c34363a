using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace CollabHub.Web.Features.Discussions.Components;

/// <summary>The Markdown editor for new threads, replies and edits.</summary>
public sealed partial class PostEditor
{
    private MarkupPreview? preview;
    private bool previewing;
    private IReadOnlyList<MentionSuggestion> suggestions = [];
    private int suggestionRequest;
    private ElementReference textArea;

    // The text as typed. Bound with @bind so the renderer never writes an older value over newer keystrokes while
    // a round trip is in flight; Value from the parent replaces it only when the parent changes it (quote, clear).
    private string text = "";
    private string? lastValue;

    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>The form field name, so a hosting static form posts the text.</summary>
    [Parameter]
    public string FieldName { get; set; } = "Body";

    [Parameter]
    public string Label { get; set; } = "Your post";

    [Parameter]
    public int Rows { get; set; } = 6;

    [Parameter]
    public string Value { get; set; } = "";

    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    /// <summary>Renders a draft (through the service); no preview button without it.</summary>
    [Parameter]
    public Func<string, Task<MarkupPreview>>? Preview { get; set; }

    /// <summary>Members matching a typed prefix; no suggestions without it.</summary>
    [Parameter]
    public Func<string, Task<IReadOnlyList<MentionSuggestion>>>? Suggest { get; set; }

    private int Length => text.ReplaceLineEndings("\n").TrimEnd().Length;

    private bool IsTooLong => Length > DiscussionRules.BodyMaxLength;

    /// <summary>Puts the cursor in the text (after a quote-reply filled it in).</summary>
    public ValueTask FocusAsync() => textArea.Context is null ? ValueTask.CompletedTask : textArea.FocusAsync();

    /// <summary>
    /// The "@prefix" being typed at the end of the text, if any: an @ at the start or after white space, then up to
    /// two words. Without script the caret position is unknown, so suggestions follow the end of the text.
    /// </summary>
    public static string? TrailingMention(string text)
    {
        var match = TrailingMentionPattern().Match(text);
        return match.Success ? match.Groups["prefix"].Value : null;
    }

    protected override void OnParametersSet()
    {
        if (Value != lastValue)
        {
            text = Value;
            lastValue = Value;
        }
    }

    private async Task OnInputAsync()
    {
        await ChangeTextAsync(text);
        await UpdateSuggestionsAsync();
    }

    private async Task ChangeTextAsync(string value)
    {
        text = value;
        lastValue = value;
        await ValueChanged.InvokeAsync(value);
    }

    private async Task UpdateSuggestionsAsync()
    {
        var prefix = TrailingMention(text);
        var request = ++suggestionRequest;
        if (prefix is null || Suggest is null)
        {
            suggestions = [];
            return;
        }

        IReadOnlyList<MentionSuggestion> found;
        try
        {
            found = await Suggest(prefix);
        }
        catch (DiscussionException)
        {
            found = [];
        }

        // A slower answer for an earlier keystroke must not replace the current one.
        if (request == suggestionRequest)
        {
            suggestions = found;
        }
    }

    private async Task ChooseAsync(MentionSuggestion suggestion)
    {
        var prefix = TrailingMention(text);
        if (prefix is not null)
        {
            await ChangeTextAsync(text[..^(prefix.Length + 1)] + suggestion.Token + " ");
        }

        suggestions = [];
        await FocusAsync();
    }

    private void Write() => previewing = false;

    private async Task ShowPreviewAsync()
    {
        if (Preview is null)
        {
            return;
        }

        previewing = true;
        preview = null;
        try
        {
            preview = await Preview(text);
        }
        catch (DiscussionException refused)
        {
            preview = new MarkupPreview("", [refused.Message]);
        }
    }

    [GeneratedRegex(@"(?:^|\s)@(?<prefix>[^\s@*|]{1,40}(?: [^\s@*|]{1,40})?)$")]
    private static partial Regex TrailingMentionPattern();
}
