import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";

/**
 * What a server action answers, as its form sees it. A type import from lib/actions: nothing of
 * the server module reaches the browser.
 */
export type { ActionResult };

/** A server action as a form component takes it. */
export type FormAction<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** Puts the server's field errors on the form's fields; returns whether there were any. */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string> | undefined,
  known?: (name: string) => boolean,
): boolean {
  let any = false;
  for (const [name, message] of Object.entries(fieldErrors ?? {})) {
    if (name === "_form" || (known && !known(name))) continue;
    setError(name as Path<T>, { type: "server", message }, { shouldFocus: !any });
    any = true;
  }
  return any;
}

/** A thrown action (network down, server restarted) as a result the form can show. */
export const NETWORK_FAILURE: ActionResult<never> = {
  ok: false,
  code: "unavailable",
  message: "Het versturen is niet gelukt. Controleer uw internetverbinding en probeer het opnieuw. Wat u hebt ingevuld staat er nog.",
};
