// A link shows the page it leads to from the top, as links do on any site. Blazor's enhanced navigation keeps the scroll
// position when only the query changes (the same page, to it), so the next page of a list, a filter or a sort chosen
// at the bottom of a long page opened at the new page's bottom: on a phone, a library filter picked below the results
// left the new results out of sight. Form posts keep their place as Blazor leaves it (a reply posted at the end of a
// thread stays in view), and a link to a #fragment goes to its target as before.
(() => {
    let followed = false;

    document.addEventListener('click', e => {
        followed = false;
        const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
        if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey
            || link.hasAttribute('download') || (link.target && link.target !== '_self')) {
            return;
        }
        const url = new URL(link.href, document.baseURI);
        followed = url.origin === location.origin && url.hash === '';
    }, true);

    document.addEventListener('submit', () => { followed = false; }, true);

    window.Blazor?.addEventListener('enhancedload', () => {
        // Wherever the link led (a redirect included), unless Blazor has gone to a fragment there.
        if (followed && location.hash === '') {
            window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
        }
        followed = false;
    });
})();
