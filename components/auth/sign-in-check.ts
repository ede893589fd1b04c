/**
 * The browser's check of the sign-in form, loaded on first use (zod is most of the form's
 * JavaScript; the public pages keep within their budget, scripts/js-budget.mjs). The same schema
 * as the server (signInSchema); the server's check is the one that counts.
 */
import "@/lib/validation/zod-config";
import { signInSchema } from "@/lib/validation/auth";

/** The message for the e-mail field, or null when the address is fine. */
export function checkSignInEmail(email: string): string | null {
  const result = signInSchema.safeParse({ email });
  return result.success ? null : (result.error.issues[0]?.message ?? "Vul een geldig e-mailadres in.");
}
