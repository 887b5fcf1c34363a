// Preselects the browser's IANA time zone in any <select data-browser-time-zone> that has none chosen yet.
// A file of its own because the Content-Security-Policy allows only same-origin scripts, never inline ones.
(() => {
    const apply = () => {
        let zone;
        try {
            zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        } catch {
            return;
        }
        if (!zone) {
            return;
        }
        for (const select of document.querySelectorAll('select[data-browser-time-zone]')) {
            if (select.value === '' && Array.from(select.options).some(o => o.value === zone)) {
                select.value = zone;
            }
        }
    };

    apply();
    // Enhanced navigation swaps page content without reloading scripts.
    window.Blazor?.addEventListener('enhancedload', apply);
})();
