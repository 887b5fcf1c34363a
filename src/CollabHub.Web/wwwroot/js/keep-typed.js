// Keeps what a member typed into a prerendered editor, and their place in it. Blazor prerenders an interactive island
// and replaces its elements with live ones when the circuit starts; on a slow link there is time to type a paragraph
// before that, and it went with the prerendered element, as did the focus: keys typed after the swap went nowhere. A
// textarea marked data-keep-typed (the prerendered editors are) is remembered once it has the focus or is typed into;
// when a new element with its id takes its place, the new one gets the text (if any was typed), the caret and (unless
// the member has moved on) the focus, and an input event, so the live editor has the text at once. Keys cannot fall in
// between: the handover runs as the new element arrives, before the next key is handled. Watching starts with the
// first focus or keystroke and stops once every remembered editor is handed over.
(() => {
    const watched = new Map();
    let observer = null;

    function remember(e) {
        const box = e.target;
        if (box instanceof HTMLTextAreaElement && box.id && box.hasAttribute('data-keep-typed')) {
            watched.set(box.id, box);
            if (!observer) {
                observer = new MutationObserver(handOver);
                observer.observe(document.body, { childList: true, subtree: true });
            }
        }
    }

    document.addEventListener('focusin', remember, true);
    document.addEventListener('input', remember, true);

    function handOver() {
        for (const [id, old] of watched) {
            const live = document.getElementById(id);
            if (old.isConnected || !(live instanceof HTMLTextAreaElement)) {
                continue;
            }
            watched.delete(id);
            // Only what was typed: a box that was merely focused leaves the live editor's own text as it is.
            if (old.value !== old.defaultValue && live.value !== old.value) {
                live.value = old.value;
                live.dispatchEvent(new Event('input', { bubbles: true }));
            }
            if (!document.activeElement || document.activeElement === document.body) {
                live.focus();
                live.setSelectionRange(old.selectionStart, old.selectionEnd);
            }
        }
        if (watched.size === 0) {
            observer.disconnect();
            observer = null;
        }
    }
})();
