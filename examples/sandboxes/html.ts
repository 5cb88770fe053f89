/** For the sandboxes' own HTML pages (the bank's payment page, the eID gateway's login page). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
