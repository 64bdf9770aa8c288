// Background (service worker in Chrome, event page in Firefox). The badge, the per-tab analysis and the
// message router arrive with the extension issue; the core is already usable from the popup.
export {};
