import { z } from "zod";

import { emailField } from "./fields";

/** The sign-in form: the e-mail address that receives the sign-in link. */
export const signInSchema = z.object({
  email: emailField,
});
export type SignInFormInput = z.input<typeof signInSchema>;
export type SignIn = z.output<typeof signInSchema>;

const RETURN_PATH_MAX_LENGTH = 500;
const PROBE_ORIGIN = "http://return-path.invalid";

/**
 * The page to return to after signing in, when it is a path on this site: `/mijn-groepen/12`
 * or `/zoeken?postcode=2922AB` pass; `https://elders.example`, `//elders.example`, `/\elders`,
 * `javascript:…`, control characters and over-long values give null (then the start page of
 * the user's role is used).
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const path = value.trim();
  if (path === "" || path.length > RETURN_PATH_MAX_LENGTH) return null;
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  // Backslashes and control characters: browsers read "/\evil" as "//evil".
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return null;
  try {
    const url = new URL(path, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/**
 * What the sign-in form sends: the address and, from a page that asked the visitor to sign in,
 * the path to return to (`terug`). An unsafe `terug` is dropped, not refused: the visitor still
 * gets the link, and lands on their start page.
 */
export const signInRequestSchema = signInSchema.extend({
  terug: z
    .string()
    .nullish()
    .transform((value) => safeReturnPath(value)),
  /** The honeypot: never fails the parse (a bot must not learn that it was caught). */
  website: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === "string" ? value.slice(0, 200) : "")),
});
export type SignInRequestFormInput = z.input<typeof signInRequestSchema>;
export type SignInRequest = z.output<typeof signInRequestSchema>;
