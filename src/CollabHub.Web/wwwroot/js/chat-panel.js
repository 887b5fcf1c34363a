// The chat panel's browser side: Enter sends, Shift+Enter adds a new line; arrows, Enter, Tab and Escape work the
// @mention list while it is open; a message's Edit and Delete buttons reach the panel; keeps the list at the bottom
// while the reader is there; loads older messages when the top comes into view; fits the list to the screen. A plain script loaded with every page
// (before Blazor starts, so it is there when a panel calls it), not a module the panel imports: each circuit builds
// its own JSON metadata for the types its interop calls pass, and importing a module by name and passing the panel's
// element cost about 8 KB per open chat tab (dotnet-gcdump, circuits benchmark: JsonTypeInfo and emitted accessors for
// string, ElementReference and IJSObjectReference). There is one panel per page; it is found by its class.
(() => {
    window.collabHubChat = { attach, scrollToEnd };

    // A prerendered chat opens at its newest message, as a chat does, and each list that replaces it opens there too
    // (the live panel replaces the prerendered one), until the panel attaches and follows the list itself. Without
    // this, the page showed the oldest of the first 50 messages until the circuit was up, which on a slow link is a
    // while, and the live list opened there again until the panel attached. This script runs where the page loads it,
    // after the prerendered panel: a paint before it (the page still arriving) can show the oldest messages. An inline
    // script beside the list would close that gap, and the Content-Security-Policy forbids inline script.
    let opening = null;
    if (document.querySelector('.chat-panel .chat-list')) {
        let shown = null;
        const openAtEnd = () => {
            const list = document.querySelector('.chat-panel .chat-list');
            if (list && list !== shown) {
                shown = list;
                fit();
                list.scrollTop = list.scrollHeight;
            }
        };
        openAtEnd();
        opening = new MutationObserver(openAtEnd);
        opening.observe(document.body, { childList: true, subtree: true });
    }

    // The list is as tall as the screen leaves it once what stands above it (the header, the group's head, which may
    // wrap) and the message box under it are measured, so that the box ends on the first screen: the stylesheet's guess
    // at those (--chat-around, used until this runs) left Send below the fold where the header took two rows or a
    // group's name three, and the list shorter than it could be elsewhere. The stylesheet keeps the list between its
    // least and greatest height; a reader at the newest message stays there when the list changes height.
    addEventListener('resize', fit);

    function fit() {
        const list = document.querySelector('.chat-panel .chat-list');
        const main = list?.closest('.chat-panel__main');
        if (!main) {
            return;
        }
        const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
        const listBox = list.getBoundingClientRect();
        const around = listBox.top + scrollY + main.getBoundingClientRect().bottom - listBox.bottom + 16;
        document.documentElement.style.setProperty('--chat-fit', `${Math.ceil(around)}px`);
        if (atEnd) {
            list.scrollTop = list.scrollHeight;
        }
    }

    function attach(dotnet) {
        opening?.disconnect();
        opening = null;
        fit();
        const root = document.querySelector('.chat-panel');
        if (!root) {
            return;
        }
        const list = root.querySelector('.chat-list');
        const input = root.querySelector('textarea');
        // Fitted again whenever what is under the list changes height: "Connecting the chat…" leaving once the panel is
        // live, an error shown or gone, the Cancel of an edit.
        if ('ResizeObserver' in window) {
            new ResizeObserver(fit).observe(root.querySelector('.chat-panel__main'));
        }
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
        // A message's Edit and Delete buttons are part of its markup (one piece of HTML that every tab showing it
        // shares), so their clicks are handed over here, with the message's number; the server checks them again.
        list?.addEventListener('click', e => {
            const button = e.target.closest('button[data-chat-action]');
            const item = button?.closest('[data-seq]');
            if (item) {
                dotnet.invokeMethodAsync('MessageActionAsync', button.dataset.chatAction, Number(item.dataset.seq));
            }
        });
        // The server hears only when the reader leaves or reaches the end (it decides "N new" and marking read on that),
        // not on every scroll event: each was a round trip, and scrolling to each new message in every open tab made one.
        let atBottom = true;
        list?.addEventListener('scroll', () => {
            const now = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
            if (now !== atBottom) {
                atBottom = now;
                dotnet.invokeMethodAsync('ScrolledAsync', now);
            }
        });
        // A reader at the end stays there as messages arrive: the browser follows its own list as it changes, so the
        // server renders a new message without waiting for a scroll call to travel there and back first.
        if (list && 'MutationObserver' in window) {
            new MutationObserver(() => {
                if (atBottom) {
                    list.scrollTop = list.scrollHeight;
                }
            }).observe(list, { childList: true, subtree: true, characterData: true });
        }
        const sentinel = root.querySelector('.chat-older');
        if (sentinel && 'IntersectionObserver' in window) {
            new IntersectionObserver(entries => {
                if (entries.some(x => x.isIntersecting)) {
                    dotnet.invokeMethodAsync('LoadOlderAsync');
                }
            }, { root: list }).observe(sentinel);
        }
    }

    function scrollToEnd() {
        const list = document.querySelector('.chat-panel .chat-list');
        if (list) {
            list.scrollTop = list.scrollHeight;
        }
    }
})();
