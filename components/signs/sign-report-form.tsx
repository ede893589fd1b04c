"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { HONEYPOT_FIELD } from "@/components/public/join-form-state";
import { IDLE, type SignFormState } from "./form-state";

type Action = (state: SignFormState, formData: FormData) => Promise<SignFormState>;

export interface ReportableSign {
  id: string;
  label: string;
}

/**
 * "Bord kapot of weg?": a short form on a group's public page. Works without JavaScript (a
 * normal POST to the server action). With several borden, the resident picks which one.
 */
export function SignReportForm({ signs, action }: { signs: ReportableSign[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") messageRef.current?.focus();
  }, [state]);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const kindError = errors.kind;
  const descriptionError = errors.description;
  const signError = errors.signId;
  return (
    <div>
      <div ref={messageRef} tabIndex={-1} role="status" className="focus:outline-none">
        {state.status === "sent" ? <Alert tone="success" title={state.message} /> : null}
        {state.status === "error" ? <Alert tone="error" title="Uw melding is niet verstuurd.">{state.message}</Alert> : null}
      </div>
      {state.status === "sent" ? null : (
        <form action={formAction} noValidate className="mt-3 space-y-4">
          <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
            <label htmlFor="sign-report-website">Website (niet invullen)</label>
            <input id="sign-report-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {signs.length === 1 ? (
            <input type="hidden" name="signId" value={signs[0].id} />
          ) : (
            <fieldset aria-describedby={signError ? "sign-report-sign-error" : undefined}>
              <legend className="font-semibold">Welk bord?</legend>
              {signError ? (
                <p id="sign-report-sign-error" className="mt-1 font-semibold text-red-700">
                  <span aria-hidden="true">⚠ </span>
                  {signError}
                </p>
              ) : null}
              {signs.map((s, i) => (
                <label key={s.id} className="mt-1 flex items-center gap-2">
                  <input type="radio" name="signId" value={s.id} defaultChecked={values.signId ? values.signId === s.id : i === 0} className="h-5 w-5" />
                  {s.label}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset aria-describedby={kindError ? "sign-report-kind-error" : undefined}>
            <legend className="font-semibold">Wat is er mis?</legend>
            {kindError ? (
              <p id="sign-report-kind-error" className="mt-1 font-semibold text-red-700">
                <span aria-hidden="true">⚠ </span>
                {kindError}
              </p>
            ) : null}
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="kind" value="damaged" defaultChecked={values.kind === "damaged"} className="h-5 w-5" />
              Het bord is kapot
            </label>
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="kind" value="missing" defaultChecked={values.kind === "missing"} className="h-5 w-5" />
              Het bord is weg
            </label>
          </fieldset>
          <div>
            <label htmlFor="sign-report-description" className="block font-semibold">
              Toelichting (niet verplicht)
            </label>
            <p id="sign-report-description-hint" className="text-sm text-slate-700">
              Bijvoorbeeld: het bord hangt scheef of is beklad. Zet hier geen namen of telefoonnummers in.
            </p>
            {descriptionError ? (
              <p id="sign-report-description-error" className="mt-1 font-semibold text-red-700">
                <span aria-hidden="true">⚠ </span>
                {descriptionError}
              </p>
            ) : null}
            <textarea
              id="sign-report-description"
              name="description"
              rows={3}
              maxLength={1000}
              defaultValue={values.description ?? ""}
              aria-describedby={["sign-report-description-hint", descriptionError ? "sign-report-description-error" : null].filter(Boolean).join(" ")}
              aria-invalid={descriptionError ? true : undefined}
              className="mt-1 w-full rounded border-2 border-slate-500 p-2"
            />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? "Bezig…" : "Verstuur melding"}
          </Button>
        </form>
      )}
    </div>
  );
}
