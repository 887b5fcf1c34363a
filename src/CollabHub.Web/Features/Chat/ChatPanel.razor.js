// Enter sends, Shift+Enter adds a new line; arrows, Enter, Tab and Escape work the @mention list while it is open; keeps the list at the bottom while the reader is there; loads older
// messages when the top comes into view. A module, because the Content-Security-Policy forbids inline script.
export function attach(root, dotnet) {
    const list = root.querySelector('.chat-list');
    const input = root.querySelector('textarea');
    input?.addEventListener('keydown', e => {
        // While @mention suggestions are open, these keys move through them instead of sending or leaving.
        if (root.querySelector('.chat-mentions') && ['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key) && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            dotnet.invokeMethodAsync('MentionKey', e.key);
            return;
        }
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            // The text on screen is what is sent. The box empties now (and tells the server, so its copy of the draft
            // agrees) rather than when the server answers, so nothing typed in between is lost.
            e.preventDefault();
            const text = input.value;
            input.value = '';
            input.dispatchEvent(new Event('input', { bubbles: true }));
            dotnet.invokeMethodAsync('SendTextAsync', text);
        }
    });
    list?.addEventListener('scroll', () => {
        const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
        dotnet.invokeMethodAsync('ScrolledAsync', atBottom);
    });
    const sentinel = root.querySelector('.chat-older');
    if (sentinel && 'IntersectionObserver' in window) {
        new IntersectionObserver(entries => {
            if (entries.some(x => x.isIntersecting)) {
                dotnet.invokeMethodAsync('LoadOlderAsync');
            }
        }, { root: list }).observe(sentinel);
    }
}

export function scrollToEnd(root) {
    const list = root.querySelector('.chat-list');
    if (list) {
        list.scrollTop = list.scrollHeight;
    }
}
