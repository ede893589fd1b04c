/**
 * How long personal data is kept. The purge jobs and the texts that promise a period (the
 * join-request e-mail, the privacy page) read the same constants, so the promise cannot drift
 * from what the code does.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A handled join request keeps the applicant's contact details this many days, then they are wiped. */
export const JOIN_REQUEST_RETENTION_DAYS = 30;

/** Sent e-mail (it holds the addressee and the text) is removed after this many days. */
export const SENT_MAIL_RETENTION_DAYS = 30;

/** `days` whole days after `instant`. */
export function daysAfter(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}
