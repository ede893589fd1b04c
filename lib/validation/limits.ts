/**
 * Limits that forms show in the browser, in a file without zod: a client component can import
 * them without pulling in the schemas (which its page loads only when the form is checked).
 */
export const MAX_GROUP_ADMINS = 10;
export const MAX_CO_ADMIN_INVITES = MAX_GROUP_ADMINS - 1;

/**
 * How many characters an address field takes as typed, before it is read: room for spaces and
 * other spellings around the stored value (`2922 ab ` → `2922AB`). The schemas refuse longer
 * input with a message; the address fields set these as maxLength.
 */
export const POSTCODE_INPUT_MAX_LENGTH = 16;
export const HOUSE_NUMBER_INPUT_MAX_LENGTH = 10;
export const ADDITION_INPUT_MAX_LENGTH = 20;
