"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { PickerMap } from "@/components/map/picker-map";
import { PointFields } from "@/components/map/point-fields";
import { IDLE, type BordFormState } from "./form-state";

type Action = (state: BordFormState, formData: FormData) => Promise<BordFormState>;

function useStep(action: Action) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const message = state.status === "error" ? { tone: "error" as const, text: state.message } : null;
  return { formAction, pending, values, errors, message };
}

interface Common {
  bordId: string;
  version: number;
  today: string;
  action: Action;
}

/** Repaired or replaced, on which day, with a note. */
export function BordMaintenanceForm({ bordId, version, today, action }: Common) {
  const { formAction, pending, values, errors, message } = useStep(action);
  return (
    <section aria-labelledby="onderhoud-titel" className="rounded border-2 border-slate-300 p-4">
      <h3 id="onderhoud-titel" className="text-lg font-bold">Onderhoud vastleggen</h3>
      <form action={formAction} noValidate className="mt-3 space-y-4">
        <FormStatus message={message} />
        <input type="hidden" name="bordId" value={bordId} />
        <input type="hidden" name="version" value={version} />
        <SelectField id="maintenance-kind" name="kind" label="Wat is er gedaan?" defaultValue={values.kind ?? "repaired"} error={errors.kind}>
          <option value="repaired">Gerepareerd</option>
          <option value="replaced">Vervangen</option>
        </SelectField>
        <TextField id="maintenance-date" name="occurredOn" type="date" label="Datum" defaultValue={values.occurredOn ?? today} error={errors.occurredOn} />
        <TextAreaField id="maintenance-note" name="note" label="Toelichting (niet verplicht)" rows={2} defaultValue={values.note ?? ""} error={errors.note} />
        <Button type="submit" disabled={pending}>{pending ? "Bezig…" : "Leg onderhoud vast"}</Button>
      </form>
    </section>
  );
}

/** The bord was taken away. */
export function BordRemovalForm({ bordId, version, today, action }: Common) {
  const { formAction, pending, values, errors, message } = useStep(action);
  return (
    <section aria-labelledby="weghalen-titel" className="rounded border-2 border-slate-300 p-4">
      <h3 id="weghalen-titel" className="text-lg font-bold">Weghalen vastleggen</h3>
      <form action={formAction} noValidate className="mt-3 space-y-4">
        <FormStatus message={message} />
        <input type="hidden" name="bordId" value={bordId} />
        <input type="hidden" name="version" value={version} />
        <TextField id="removal-date" name="occurredOn" type="date" label="Datum van weghalen" defaultValue={values.occurredOn ?? today} error={errors.occurredOn} />
        <TextAreaField id="removal-note" name="note" label="Toelichting (niet verplicht)" rows={2} defaultValue={values.note ?? ""} error={errors.note} />
        <Button type="submit" variant="danger" disabled={pending}>{pending ? "Bezig…" : "Leg weghalen vast"}</Button>
      </form>
    </section>
  );
}

/** Owner, cost and who paid (all optional). */
export function BordDetailsForm({
  bordId,
  version,
  action,
  owner,
  cost,
  paidBy,
}: Omit<Common, "today"> & { owner: string; cost: string; paidBy: string }) {
  const { formAction, pending, values, errors, message } = useStep(action);
  return (
    <section aria-labelledby="gegevens-titel" className="rounded border-2 border-slate-300 p-4">
      <h3 id="gegevens-titel" className="text-lg font-bold">Eigenaar en kosten</h3>
      <form action={formAction} noValidate className="mt-3 space-y-4">
        <FormStatus message={message} />
        <input type="hidden" name="bordId" value={bordId} />
        <input type="hidden" name="version" value={version} />
        <TextField id="details-owner" name="owner" label="Eigenaar (niet verplicht)" hint="Bijvoorbeeld: gemeente of de bewonersvereniging." maxLength={120} defaultValue={values.owner ?? owner} error={errors.owner} />
        <TextField id="details-cost" name="cost" inputMode="decimal" label="Kosten in euro's (niet verplicht)" hint="Bijvoorbeeld: 45,00" maxLength={20} defaultValue={values.cost ?? cost} error={errors.cost} className="max-w-60" />
        <TextField id="details-paid-by" name="paidBy" label="Betaald door (niet verplicht)" maxLength={120} defaultValue={values.paidBy ?? paidBy} error={errors.paidBy} />
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Bezig…" : "Bewaar gegevens"}</Button>
      </form>
    </section>
  );
}

/** Where the bord stands: the description and the point, picked on the wijk map or typed. */
export function BordLocationForm({
  bordId,
  version,
  action,
  location,
  lat,
  lng,
  map,
}: Omit<Common, "today"> & { location: string; lat: string; lng: string; map: PickerMap | null }) {
  const { formAction, pending, values, errors, message } = useStep(action);
  return (
    <section aria-labelledby="plek-titel" className="rounded border-2 border-slate-300 p-4 md:col-span-2">
      <h3 id="plek-titel" className="text-lg font-bold">Plek van het bord</h3>
      <form action={formAction} noValidate className="mt-3 space-y-4">
        <FormStatus message={message} />
        <input type="hidden" name="bordId" value={bordId} />
        <input type="hidden" name="version" value={version} />
        <TextField id="location-text" name="location" label="Waar staat het bord?" hint="Bijvoorbeeld: Lansinghlaan bij nummer 10, aan de lantaarnpaal." maxLength={200} defaultValue={values.location ?? location} error={errors.location} />
        <PointFields idPrefix="location-point" map={map} initial={{ lat: values.lat ?? lat, lng: values.lng ?? lng }} errors={{ lat: errors.lat, lng: errors.lng }} />
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Bezig…" : "Bewaar de plek"}</Button>
      </form>
    </section>
  );
}
