using CollabHub.Web.Features.Discussions.Components;
using CollabHub.Web.Features.Discussions.Mentions;
using Microsoft.JSInterop;

namespace CollabHub.Web.Features.Chat;

/// <summary>
/// @mention suggestions in the composer: typing <c>@</c> and the start of a name lists the channel's readers; arrows
/// move, Enter or Tab inserts <c>@**Name**</c> (the syntax discussions use), Escape closes. The browser module sends
/// those keys here only while the list is open, so Enter still sends otherwise.
/// </summary>
public sealed partial class ChatPanel
{
    private const int MaxSuggestions = 8;
    private IReadOnlyList<ChatMember> suggestions = [];
    private int activeSuggestion;
    private string? dismissedFor;

    // The channel's readers as mentions resolve against them; one list, so message items compare it by reference.
    private IReadOnlyList<MentionedMember> mentionable = [];

    private string? ActiveSuggestionId => suggestions.Count == 0 ? null : SuggestionId(activeSuggestion);

    private static string SuggestionId(int index) => $"chat-mention-{index}";

    [JSInvokable]
    public void MentionKey(string key)
    {
        if (suggestions.Count == 0)
        {
            return;
        }

        switch (key)
        {
            case "ArrowDown":
                activeSuggestion = (activeSuggestion + 1) % suggestions.Count;
                break;
            case "ArrowUp":
                activeSuggestion = (activeSuggestion + suggestions.Count - 1) % suggestions.Count;
                break;
            case "Enter" or "Tab":
                ChooseMention(suggestions[activeSuggestion]);
                break;
            case "Escape":
                dismissedFor = draft;
                suggestions = [];
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    private void OnDraftChanged()
    {
        var prefix = draft == dismissedFor ? null : PostEditor.TrailingMention(draft);
        var found = prefix is null
            ? []
            : members
                .Where(m => m.UserId != caller.UserId && Matches(m.DisplayName, prefix))
                .Take(MaxSuggestions)
                .ToList();
        if (found.Count != suggestions.Count || !found.SequenceEqual(suggestions))
        {
            activeSuggestion = 0;
        }

        suggestions = found;
    }

    private void ChooseMention(ChatMember member)
    {
        var prefix = PostEditor.TrailingMention(draft);
        if (prefix is not null)
        {
            var shared = members.Count(m => string.Equals(m.DisplayName.Trim(), member.DisplayName.Trim(), StringComparison.OrdinalIgnoreCase)) > 1;
            draft = draft[..^(prefix.Length + 1)] + MentionResolver.Token(new MentionedMember(member.UserId, member.DisplayName), shared) + " ";
        }

        suggestions = [];
    }

    private static bool Matches(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.CurrentCultureIgnoreCase)
        || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.StartsWith(prefix, StringComparison.CurrentCultureIgnoreCase));
}
