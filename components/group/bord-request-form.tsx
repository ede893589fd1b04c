"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import type { PickerMap } from "@/components/map/picker-map";
import { PointFields } from "@/components/map/point-fields";
import { IDLE, type SignFormState } from "@/components/signs/form-state";
import { Button } from "@/components/ui/button";
import { signRequestFieldsSchema, signRequestFromFields } from "@/lib/validation/sign-request";

type BordAction = (state: SignFormState, formData: FormData) => Promise<SignFormState>;

/** The browser's check: the same schema the server action uses. */
const bordFormCheck = signRequestFieldsSchema.transform((value, ctx) => signRequestFromFields(value, ctx));

const FIELD_ORDER = ["signCount", "street", "nearHouseNumber", "description", "lat", "lng", "note"] as const;
const FIELD_IDS: Record<(typeof FIELD_ORDER)[number], string> = {
  signCount: "bord-count",
  street: "bord-street",
  nearHouseNumber: "bord-near",
  description: "bord-description",
  lat: "bord-point-lat",
  lng: "bord-point-lng",
  note: "bord-note",
};

function checkInBrowser(data: FormData): Record<string, string> {
  const parsed = bordFormCheck.safeParse(Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string")));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of (parsed.error as z.ZodError).issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  return errors;
}

/**
 * The bord request. Works without JavaScript (a normal POST to the server action; the page
 * answers with the messages at the fields and keeps what was typed). With JavaScript the same
 * schema checks first, and the wijk map sets the optional point (PointFields).
 */
export function BordRequestForm({
  groupId,
  maxSigns = 4,
  action,
  map,
}: {
  groupId: string;
  /** The municipality's number of borden per group (1–4). */
  maxSigns?: number;
  action: BordAction;
  map: PickerMap | null;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [checked, setChecked] = useState<{ answer: SignFormState; errors: Record<string, string> }>({ answer: state, errors: {} });
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
    const problems = checkInBrowser(data);
    setChecked({ answer: state, errors: problems });
    const first = FIELD_ORDER.find((name) => problems[name] !== undefined);
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    startTransition(() => formAction(data));
  };

  const formMessage =
    state.status === "sent"
      ? { tone: "success" as const, text: state.message }
      : state.status === "error"
        ? { tone: "error" as const, text: state.message }
        : null;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {formMessage ? <FormMessage tone={formMessage.tone} title={formMessage.text} /> : null}
      </div>
      <input type="hidden" name="groupId" value={groupId} />
      <SelectField
        id="bord-count"
        name="signCount"
        label="Hoeveel borden wilt u?"
        hint="Meestal is één bord per ingang van de buurt genoeg."
        defaultValue={values.signCount ?? "1"}
        error={errors.signCount}
      >
        {Array.from({ length: Math.max(1, Math.min(4, maxSigns)) }, (_, i) => i + 1).map((n) => (
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
