/** The answer of a bord form (public report or a staff step) for useActionState. */
export type BordFormState =
  | { status: "idle" }
  | { status: "sent"; message: string }
  | {
      status: "error";
      /** As every action result: refused, with the code (the authorisation tests read it). */
      ok: false;
      code: string;
      message: string;
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
    };

export const IDLE: BordFormState = { status: "idle" };

/** The form's string fields, to show them again after an error. */
export function formValues(formData: FormData, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") out[name] = v.slice(0, 2000);
  }
  return out;
}
