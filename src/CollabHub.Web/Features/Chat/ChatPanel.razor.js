// Enter sends, Shift+Enter adds a new line; keeps the list at the bottom while the reader is there; loads older
// messages when the top comes into view. A module, because the Content-Security-Policy forbids inline script.
export function attach(root, dotnet) {
    const list = root.querySelector('.chat-list');
    const input = root.querySelector('textarea');
    const form = root.querySelector('form.chat-composer');
    input?.addEventListener('keydown', e => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            form.requestSubmit();
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
