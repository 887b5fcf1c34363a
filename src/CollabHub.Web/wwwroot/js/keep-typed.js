// Keeps what a member typed into a prerendered editor. Blazor prerenders an interactive island and replaces its elements
// with live ones when the circuit starts; on a slow link there is time to type a paragraph before that, and it went with
// the prerendered element. A textarea marked data-keep-typed (the prerendered editors are) is remembered once typed
// into; when a new element with its id takes its place, the new one gets the text, the caret and (unless the member has
// moved on) the focus, and an input event, so the live editor has the text at once. Keys cannot fall in between: the
// handover runs as the new element arrives, before the next key is handled. Watching starts with the first keystroke
// and stops once every remembered editor is handed over.
(() => {
    const typed = new Map();
    let observer = null;

    document.addEventListener('input', e => {
        const box = e.target;
        if (box instanceof HTMLTextAreaElement && box.id && box.hasAttribute('data-keep-typed')) {
            typed.set(box.id, box);
            if (!observer) {
                observer = new MutationObserver(handOver);
                observer.observe(document.body, { childList: true, subtree: true });
            }
        }
    }, true);

    function handOver() {
        for (const [id, old] of typed) {
            const live = document.getElementById(id);
            if (old.isConnected || !(live instanceof HTMLTextAreaElement)) {
                continue;
            }
            typed.delete(id);
            if (live.value !== old.value) {
                live.value = old.value;
                live.dispatchEvent(new Event('input', { bubbles: true }));
            }
            if (!document.activeElement || document.activeElement === document.body) {
                live.focus();
                live.setSelectionRange(old.selectionStart, old.selectionEnd);
            }
        }
        if (typed.size === 0) {
            observer.disconnect();
            observer = null;
        }
    }
})();
