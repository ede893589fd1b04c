"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useMemo, useRef, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type FieldErrors, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { calendarDateIn } from "@/lib/domain";
import { joinRequestSchema, type JoinRequest, type JoinRequestFormInput } from "@/lib/validation";
import { HouseRulesList } from "./house-rules";
import { EMPTY_JOIN_FORM, HONEYPOT_FIELD, type JoinFormState, type JoinFormValues } from "./join-form-state";

type JoinAction = (state: JoinFormState, formData: FormData) => Promise<JoinFormState>;

const FIELD_ORDER = [
  "name",
  "email",
  "phone",
  "address.postcode",
  "address.houseNumber",
  "address.addition",
  "birthDate",
  "acceptHouseRules",
] as const satisfies ReadonlyArray<Path<JoinRequestFormInput>>;
type FieldName = (typeof FIELD_ORDER)[number];

const FIELD_IDS: Record<FieldName, string> = {
  name: "join-name",
  email: "join-email",
  phone: "join-phone",
  "address.postcode": "join-postcode",
  "address.houseNumber": "join-house-number",
  "address.addition": "join-addition",
  birthDate: "join-birth-date",
  acceptHouseRules: "join-house-rules",
};

function messageAt(errors: FieldErrors<JoinRequestFormInput>, name: FieldName): string | undefined {
  let node: unknown = errors;
  for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

const subscribeNothing = () => () => {};

/**
 * The join form of a group page. Works without JavaScript (a normal POST to the server action,
 * which answers with the page and the messages at the fields); with JavaScript the same schema
 * checks the fields first, then the same action runs with the same FormData.
 */
export function JoinForm({ groupSlug, groupName, action }: { groupSlug: string; groupName: string; action: JoinAction }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const today = useMemo(() => calendarDateIn(new Date()), []);
  const initial: JoinFormValues = state.status === "error" ? state.values : EMPTY_JOIN_FORM;
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const form = useForm<JoinRequestFormInput, unknown, JoinRequest>({
    resolver: zodResolver(joinRequestSchema(today)),
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (state.status === "error") {
      for (const [name, message] of Object.entries(state.fieldErrors)) {
        if ((FIELD_ORDER as readonly string[]).includes(name)) form.setError(name as FieldName, { type: "server", message });
      }
    }
    if (state.status === "sent") form.reset(EMPTY_JOIN_FORM);
    if (state.status !== "idle") resultRef.current?.focus();
  }, [state, form]);

  // Before hydration (and without JavaScript) the server's messages are all there is.
  const serverErrors = state.status === "error" ? state.fieldErrors : {};
  const errorFor = (name: FieldName) => messageAt(errors, name) ?? (hydrated ? undefined : serverErrors[name]);
  const shownErrors = FIELD_ORDER.map((name) => [name, errorFor(name)] as const).filter(([, m]) => m !== undefined);
  // A message about the whole form (too many attempts, group gone), not about a field.
  const formMessage =
    state.status === "error" && !Object.keys(state.fieldErrors).some((name) => (FIELD_ORDER as readonly string[]).includes(name))
      ? state.message
      : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit(() => {
      const data = new FormData(formRef.current ?? undefined);
      startTransition(() => formAction(data));
    })(event);
  };

  if (state.status === "sent") {
    return (
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        <Alert tone="success" title="Uw aanmelding is verstuurd" role="status">
          <p>
            De beheerders van {state.groupName} krijgen uw gegevens per e-mail. Zij nemen contact met u op. U krijgt
            zelf ook een e-mail met een bevestiging.
          </p>
        </Alert>
      </div>
    );
  }

  const acceptError = errorFor("acceptHouseRules");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="aanmelden-titel" className="space-y-5">
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
        label="Uw naam"
        autoComplete="name"
        defaultValue={initial.name}
        error={errorFor("name")}
        maxLength={150}
        {...form.register("name")}
      />
      <TextField
        id={FIELD_IDS.email}
        type="email"
        label="E-mailadres"
        hint="Hierop krijgt u een bevestiging."
        autoComplete="email"
        defaultValue={initial.email}
        error={errorFor("email")}
        maxLength={300}
        {...form.register("email")}
      />
      <TextField
        id={FIELD_IDS.phone}
        type="tel"
        label="Mobiel nummer"
        hint="De groep is een WhatsApp-groep. Bijvoorbeeld 06 87654321."
        autoComplete="tel"
        defaultValue={initial.phone}
        error={errorFor("phone")}
        maxLength={40}
        {...form.register("phone")}
      />

      <fieldset className="rounded-lg border-2 border-slate-200 p-4">
        <legend className="px-1 font-semibold">Uw adres</legend>
        <div className="space-y-4">
          <TextField
            id={FIELD_IDS["address.postcode"]}
            className="max-w-xs"
            label="Postcode"
            hint="Bijvoorbeeld 2922 AB"
            autoComplete="postal-code"
            defaultValue={initial.address.postcode}
            error={errorFor("address.postcode")}
            maxLength={20}
            {...form.register("address.postcode")}
          />
          <TextField
            id={FIELD_IDS["address.houseNumber"]}
            className="max-w-xs"
            label="Huisnummer"
            hint="Alleen het nummer"
            inputMode="numeric"
            defaultValue={initial.address.houseNumber}
            error={errorFor("address.houseNumber")}
            maxLength={10}
            {...form.register("address.houseNumber")}
          />
          <TextField
            id={FIELD_IDS["address.addition"]}
            className="max-w-xs"
            label="Toevoeging"
            hint="Niet verplicht, bijv. A"
            defaultValue={initial.address.addition}
            error={errorFor("address.addition")}
            maxLength={20}
            {...form.register("address.addition")}
          />
        </div>
      </fieldset>

      <TextField
        id={FIELD_IDS.birthDate}
        type="date"
        label="Geboortedatum"
        hint="Meedoen kan vanaf 18 jaar. We geven uw geboortedatum niet door aan de groep."
        autoComplete="bday"
        defaultValue={initial.birthDate}
        error={errorFor("birthDate")}
        className="max-w-xs"
        {...form.register("birthDate")}
      />

      <div>
        <details className="rounded-lg border-2 border-slate-200 p-4">
          <summary className="cursor-pointer font-semibold">Lees de huisregels van de groep</summary>
          <div className="mt-3">
            <HouseRulesList headingLevel={4} />
          </div>
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
            type="checkbox"
            className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
            defaultChecked={initial.acceptHouseRules}
            aria-invalid={acceptError ? true : undefined}
            aria-describedby={acceptError ? "join-house-rules-error" : undefined}
            {...form.register("acceptHouseRules")}
          />
          <label htmlFor={FIELD_IDS.acceptHouseRules}>Ik heb de huisregels gelezen en houd me eraan.</label>
        </div>
      </div>

      <p className="text-sm text-slate-700">
        Uw gegevens gaan alleen naar de beheerders van {groupName}. Na afhandeling van uw aanmelding wissen we ze binnen
        30 dagen. Lees meer in de <a href="/privacy">privacyverklaring</a>.
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met versturen…" : "Aanmelding versturen"}
      </Button>
    </form>
  );
}
