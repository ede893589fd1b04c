import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * What a server action answers (lib/actions.ts ActionResult), as the client sees it.
 * Repeated here as a type only, so client components need not import server code.
 */
export type ClientActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };

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
export const NETWORK_FAILURE: { ok: false; code: string; message: string; fieldErrors?: Record<string, string> } = {
  ok: false,
  code: "unavailable",
  message: "Het versturen is niet gelukt. Controleer uw internetverbinding en probeer het opnieuw. Wat u hebt ingevuld staat er nog.",
};
