"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { HONEYPOT_FIELD } from "@/components/public/join-form-state";
import { IDLE, type BordFormState } from "./form-state";

type Action = (state: BordFormState, formData: FormData) => Promise<BordFormState>;

export interface ReportableBord {
  id: string;
  label: string;
}

/**
 * "Bord kapot of weg?": a short form on a group's public page. Works without JavaScript (a
 * normal POST to the server action). With several borden, the resident picks which one.
 */
export function BordReportForm({ bords, action }: { bords: ReportableBord[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") messageRef.current?.focus();
  }, [state]);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const kindError = errors.kind;
  const descriptionError = errors.description;
  const bordError = errors.bordId;
  return (
    <div>
      <div ref={messageRef} tabIndex={-1} role="status" className="focus:outline-none">
        {state.status === "sent" ? <Alert tone="success" title={state.message} /> : null}
        {state.status === "error" ? <Alert tone="error" title="Uw melding is niet verstuurd.">{state.message}</Alert> : null}
      </div>
      {state.status === "sent" ? null : (
        <form action={formAction} noValidate className="mt-3 space-y-4">
          <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
            <label htmlFor="bord-report-website">Website (niet invullen)</label>
            <input id="bord-report-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {bords.length === 1 ? (
            <input type="hidden" name="bordId" value={bords[0].id} />
          ) : (
            <fieldset aria-describedby={bordError ? "bord-report-bord-error" : undefined}>
              <legend className="font-semibold">Welk bord?</legend>
              {bordError ? (
                <p id="bord-report-bord-error" className="mt-1 font-semibold text-red-700">
                  <span aria-hidden="true">⚠ </span>
                  {bordError}
                </p>
              ) : null}
              {bords.map((s, i) => (
                <label key={s.id} className="mt-1 flex items-center gap-2">
                  <input type="radio" name="bordId" value={s.id} defaultChecked={values.bordId ? values.bordId === s.id : i === 0} className="h-5 w-5" />
                  {s.label}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset aria-describedby={kindError ? "bord-report-kind-error" : undefined}>
            <legend className="font-semibold">Wat is er mis?</legend>
            {kindError ? (
              <p id="bord-report-kind-error" className="mt-1 font-semibold text-red-700">
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
            <label htmlFor="bord-report-description" className="block font-semibold">
              Toelichting (niet verplicht)
            </label>
            <p id="bord-report-description-hint" className="text-sm text-slate-700">
              Bijvoorbeeld: het bord hangt scheef of is beklad. Zet hier geen namen of telefoonnummers in.
            </p>
            {descriptionError ? (
              <p id="bord-report-description-error" className="mt-1 font-semibold text-red-700">
                <span aria-hidden="true">⚠ </span>
                {descriptionError}
              </p>
            ) : null}
            <textarea
              id="bord-report-description"
              name="description"
              rows={3}
              maxLength={1000}
              defaultValue={values.description ?? ""}
              aria-describedby={["bord-report-description-hint", descriptionError ? "bord-report-description-error" : null].filter(Boolean).join(" ")}
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
