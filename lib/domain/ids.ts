/**
 * Ids in URLs and forms are UUIDs. An id that is not one is an unknown id (404), checked before
 * it reaches a uuid column, where PostgreSQL would refuse it with an error instead.
 */

/** A UUID in its text form, any case (PostgreSQL accepts both and answers in lower case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID in text form. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
