/**
 * Limits that forms show in the browser, in a file without zod: a client component can import
 * them without pulling in the schemas (which its page loads only when the form is checked).
 */
export const MAX_GROUP_ADMINS = 10;
export const MAX_CO_ADMIN_INVITES = MAX_GROUP_ADMINS - 1;
