/**
 * The browser's check of the join form, loaded only when someone starts to fill it in (it holds
 * zod and the phone number rules, most of the form's JavaScript). The same schema as the server
 * (joinRequestSchema), on the same input (readJoinForm of the posted FormData); the server's
 * check is the one that counts.
 */
import "@/lib/validation/zod-config";
import { calendarDateIn } from "@/lib/domain/dates";
import { joinRequestSchema } from "@/lib/validation/join-request";
import { readJoinForm } from "./join-form-read";

/** The first message per field ("address.postcode" for nested fields); empty when all is well. */
export function checkJoinForm(form: FormData): Record<string, string> {
  const result = joinRequestSchema(calendarDateIn(new Date())).safeParse(readJoinForm(form).input);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  return errors;
}
