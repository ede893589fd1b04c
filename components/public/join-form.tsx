"use client";

import { AddressFields } from "@/components/ui/address-fields";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { AddressCombobox } from "@/components/ui/address-combobox";
import { EMPTY_JOIN_FORM, HONEYPOT_FIELD, type JoinFormState, type JoinFormValues } from "./join-form-state";

type JoinAction = (state: JoinFormState, formData: FormData) => Promise<JoinFormState>;
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_ORDER = [
  "name",
  "email",
  "phone",
  "address.postcode",
  "address.houseNumber",
  "address.addition",
  "birthDate",
  "acceptHouseRules",
] as const;
type FieldName = (typeof FIELD_ORDER)[number];

const FIELD_IDS: Record<FieldName, string> = {
  name: "join-name",
  email: "join-email",
  phone: "join-phone",
  "address.postcode": "join-postcode",
  "address.houseNumber": "join-houseNumber",
  "address.addition": "join-addition",
  birthDate: "join-birth-date",
  acceptHouseRules: "join-house-rules",
};

const isField = (name: string): name is FieldName => (FIELD_ORDER as readonly string[]).includes(name);

/** The messages of an answer that belong to a field of this form. */
function fieldErrorsOf(state: JoinFormState): FieldErrors {
  if (state.status !== "error") return {};
  return Object.fromEntries(Object.entries(state.fieldErrors).filter(([name]) => isField(name)));
}

/** The browser's check (zod and the phone rules) is loaded once, when it is first needed. */
let checker: Promise<typeof import("./join-form-check")> | undefined;
const loadChecker = () => (checker ??= import("./join-form-check"));

/**
 * The join form of a group page. Works without JavaScript (a normal POST to the server action,
 * which answers with the page and the messages at the fields); with JavaScript the same schema
 * checks the fields first (loaded when the person starts filling in the form, so the page itself
 * stays light), then the same action runs with the same FormData. `houseRules` (the list of
 * house rules), `privacyNotice` (what happens with the data, above the button) and `sentNotice`
 * (the confirmation after sending) are rendered by the server: their text and links stay out of
 * this component's JavaScript.
 */
export function JoinForm({
  groupSlug,
  action,
  houseRules,
  privacyNotice,
  sentNotice,
}: {
  groupSlug: string;
  action: JoinAction;
  houseRules: ReactNode;
  privacyNotice: ReactNode;
  sentNotice: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const initial: JoinFormValues = state.status === "error" ? state.values : EMPTY_JOIN_FORM;
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  // The messages shown: the server's answer, then the browser's own check. Once the form was
  // checked, a field's message is updated while the person corrects it.
  const [shown, setShown] = useState(() => ({ answer: state, errors: fieldErrorsOf(state), checked: false }));
  let { errors } = shown;
  if (shown.answer !== state) {
    errors = fieldErrorsOf(state);
    setShown({ answer: state, errors, checked: shown.checked });
  }

  useEffect(() => {
    if (state.status !== "idle") resultRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const send = () => startTransition(() => formAction(data));
    loadChecker().then(
      ({ checkJoinForm }) => {
        const found = checkJoinForm(data);
        const problems = Object.fromEntries(Object.entries(found).filter(([name]) => isField(name))) as FieldErrors;
        setShown({ answer: state, errors: problems, checked: true });
        const first = FIELD_ORDER.find((name) => problems[name] !== undefined);
        if (first) document.getElementById(FIELD_IDS[first])?.focus();
        else send();
      },
      // Without the browser's check (the script did not load), the server checks alone.
      send,
    );
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (!shown.checked || !isField(name) || !formRef.current) return;
    const form = formRef.current;
    void loadChecker().then(({ checkJoinForm }) => {
      const message = checkJoinForm(new FormData(form))[name];
      setShown((current) => {
        const next: FieldErrors = { ...current.errors };
        if (message === undefined) delete next[name];
        else next[name] = message;
        return { ...current, errors: next };
      });
    });
  };

  if (state.status === "sent") {
    return (
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        {sentNotice}
      </div>
    );
  }

  const shownErrors = FIELD_ORDER.map((name) => [name, errors[name]] as const).filter(
    (entry): entry is readonly [FieldName, string] => entry[1] !== undefined,
  );
  // A message about the whole form (too many attempts, group gone), not about a field.
  const formMessage =
    state.status === "error" && !Object.keys(state.fieldErrors).some(isField) ? state.message : undefined;
  const acceptError = errors.acceptHouseRules;
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onChange={onChange}
      onFocus={() => void loadChecker()}
      noValidate
      aria-labelledby="aanmelden-titel"
      className="space-y-5"
    >
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        {formMessage || shownErrors.length > 0 ? (
          <Alert tone="error" title={formMessage ?? "Niet alles is goed ingevuld"} role="alert">
            {shownErrors.length > 0 ? (
              <ul className="list-disc pl-5">
                {shownErrors.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${FIELD_IDS[name]}`}>{message}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <input type="hidden" name="groupSlug" value={groupSlug} />
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="join-website">Website (niet invullen)</label>
        <input id="join-website" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <TextField
        id={FIELD_IDS.name}
        name="name"
        label="Uw naam"
        autoComplete="name"
        defaultValue={initial.name}
        error={errors.name}
        maxLength={150}
      />
      <TextField
        id={FIELD_IDS.email}
        name="email"
        type="email"
        label="E-mailadres"
        hint="Hierop krijgt u een bevestiging."
        autoComplete="email"
        defaultValue={initial.email}
        error={errors.email}
        maxLength={300}
      />
      <TextField
        id={FIELD_IDS.phone}
        name="phone"
        type="tel"
        label="Mobiel nummer"
        hint="De groep is een WhatsApp-groep. Bijvoorbeeld 06 87654321."
        autoComplete="tel"
        defaultValue={initial.phone}
        error={errors.phone}
        maxLength={40}
      />

      <fieldset className="rounded-lg border-2 border-slate-200 p-4">
        <legend className="px-1 font-semibold">Uw adres</legend>
        <div className="space-y-4">
          <AddressCombobox
            id="join-address-search"
            targets={{ postcode: FIELD_IDS["address.postcode"], houseNumber: FIELD_IDS["address.houseNumber"], addition: FIELD_IDS["address.addition"] }}
          />
          <AddressFields
            idPrefix="join"
            layout="stack"
            inputs={{
              postcode: { name: "address.postcode", defaultValue: initial.address.postcode },
              houseNumber: { name: "address.houseNumber", defaultValue: initial.address.houseNumber },
              addition: { name: "address.addition", defaultValue: initial.address.addition },
            }}
            errors={{ postcode: errors["address.postcode"], houseNumber: errors["address.houseNumber"], addition: errors["address.addition"] }}
            hints={{ houseNumber: "Alleen het nummer", addition: "Bijvoorbeeld A" }}
          />
        </div>
      </fieldset>

      <TextField
        id={FIELD_IDS.birthDate}
        name="birthDate"
        type="date"
        label="Geboortedatum"
        hint="Meedoen kan vanaf 18 jaar. We geven uw geboortedatum niet door aan de groep."
        autoComplete="bday"
        defaultValue={initial.birthDate}
        error={errors.birthDate}
        className="max-w-xs"
      />

      <div>
        <details className="rounded-lg border-2 border-slate-200 p-4">
          <summary className="cursor-pointer font-semibold">Lees de huisregels van de groep</summary>
          <div className="mt-3">{houseRules}</div>
        </details>
        {acceptError ? (
          <p id="join-house-rules-error" className="mt-3 font-semibold text-red-700">
            <span aria-hidden="true">⚠ </span>
            {acceptError}
          </p>
        ) : null}
        <div className="mt-3 flex items-start gap-3">
          <input
            id={FIELD_IDS.acceptHouseRules}
            name="acceptHouseRules"
            type="checkbox"
            className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
            defaultChecked={initial.acceptHouseRules}
            aria-invalid={acceptError ? true : undefined}
            aria-describedby={acceptError ? "join-house-rules-error" : undefined}
          />
          <label htmlFor={FIELD_IDS.acceptHouseRules}>Ik heb de huisregels gelezen en houd me eraan.</label>
        </div>
      </div>

      {privacyNotice}
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met versturen…" : "Aanmelding versturen"}
      </Button>
    </form>
  );
}
