"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import type { PickerMap } from "@/components/map/picker-map";
import { PointFields } from "@/components/map/point-fields";
import { IDLE, type BordFormState } from "@/components/bords/form-state";
import { Button } from "@/components/ui/button";
import { checkWithSchema } from "@/components/ui/schema-check";

type BordAction = (state: BordFormState, formData: FormData) => Promise<BordFormState>;

/** The browser's check: the same schema the server action uses, loaded when the form is first used. */
const bordFormSchema = () => import("@/lib/validation/bord-request").then((m) => m.bordRequestFormSchema);

const FIELD_ORDER = ["bordCount", "street", "nearHouseNumber", "description", "lat", "lng", "note"] as const;
const FIELD_IDS: Record<(typeof FIELD_ORDER)[number], string> = {
  bordCount: "bord-count",
  street: "bord-street",
  nearHouseNumber: "bord-near",
  description: "bord-description",
  lat: "bord-point-lat",
  lng: "bord-point-lng",
  note: "bord-note",
};

/** The first message per field; null when the check could not be loaded (the server checks alone). */
function checkInBrowser(data: FormData): Promise<Record<string, string> | null> {
  return checkWithSchema(bordFormSchema, Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string")));
}

/**
 * The bord request. Works without JavaScript (a normal POST to the server action; the page
 * answers with the messages at the fields and keeps what was typed). With JavaScript the same
 * schema checks first, and the wijk map sets the optional point (PointFields).
 */
export function BordRequestForm({
  groupId,
  maxBords = 4,
  action,
  map,
}: {
  groupId: string;
  /** The municipality's number of borden per group (1–4). */
  maxBords?: number;
  action: BordAction;
  map: PickerMap | null;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [checked, setChecked] = useState<{ answer: BordFormState; errors: Record<string, string> }>({ answer: state, errors: {} });
  let errors = checked.errors;
  if (checked.answer !== state) {
    errors = state.status === "error" ? state.fieldErrors : {};
    setChecked({ answer: state, errors });
  }
  const values = state.status === "error" ? state.values : {};
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") messageRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void checkInBrowser(data).then((problems) => {
      setChecked({ answer: state, errors: problems ?? {} });
      const first = FIELD_ORDER.find((name) => problems?.[name] !== undefined);
      if (first) {
        document.getElementById(FIELD_IDS[first])?.focus();
        return;
      }
      startTransition(() => formAction(data));
    });
  };

  const formMessage =
    state.status === "sent"
      ? { tone: "success" as const, text: state.message }
      : state.status === "error"
        ? { tone: "error" as const, text: state.message }
        : null;
  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={() => void bordFormSchema().catch(() => undefined)} noValidate className="space-y-4">
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {formMessage ? <FormMessage tone={formMessage.tone} title={formMessage.text} /> : null}
      </div>
      <input type="hidden" name="groupId" value={groupId} />
      <SelectField
        id="bord-count"
        name="bordCount"
        label="Hoeveel borden wilt u?"
        hint="Meestal is één bord per ingang van de buurt genoeg."
        defaultValue={values.bordCount ?? "1"}
        error={errors.bordCount}
      >
        {Array.from({ length: Math.max(1, Math.min(4, maxBords)) }, (_, i) => i + 1).map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Waar moet het bord komen?</legend>
        <TextField id="bord-street" name="street" label="Straat" maxLength={200} autoComplete="off" defaultValue={values.street ?? ""} error={errors.street} />
        <TextField
          id="bord-near"
          name="nearHouseNumber"
          label="In de buurt van huisnummer (niet verplicht)"
          inputMode="numeric"
          maxLength={8}
          defaultValue={values.nearHouseNumber ?? ""}
          error={errors.nearHouseNumber}
        />
        <TextAreaField
          id="bord-description"
          name="description"
          label="Beschrijf de plek (niet verplicht)"
          hint="Bijvoorbeeld: aan de lantaarnpaal bij de ingang van het park."
          rows={3}
          defaultValue={values.description ?? ""}
          error={errors.description}
        />
        <PointFields idPrefix="bord-point" map={map} initial={{ lat: values.lat ?? "", lng: values.lng ?? "" }} errors={{ lat: errors.lat, lng: errors.lng }} />
      </fieldset>
      <TextAreaField id="bord-note" name="note" label="Opmerking voor de gemeente (niet verplicht)" rows={3} defaultValue={values.note ?? ""} error={errors.note} />
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met versturen…" : "Bord aanvragen"}
      </Button>
    </form>
  );
}
