"use client";

import { AddressFields } from "@/components/ui/address-fields";
import { AddressCombobox } from "@/components/ui/address-combobox";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { useFieldArray, useWatch, type FieldPath } from "react-hook-form";
import type { AddressListPreviewState } from "@/components/group/address-list-preview";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { areaOfPostcode, normalizePostcode } from "@/lib/domain/postcode";
import type { RegisterGroup, RegisterGroupFormInput } from "@/lib/validation/group";
import { MAX_CO_ADMIN_INVITES } from "@/lib/validation/limits";
import { routes } from "@/lib/routes";

export interface AreaOption {
  code: string;
  name: string;
  municipalityName: string;
  postcodes: string[];
}

export interface RegisterGroupResult {
  groupId: string;
}

type Values = RegisterGroupFormInput;

/**
 * The address list step (reading a pasted list or CSV with Papa Parse, and its preview) is
 * optional and comes fourth: its code is loaded when the visitor gets there, not with the page.
 */
const loadListTools = () => import("@/components/group/address-list-preview");
const AddressListPreview = dynamic(() => loadListTools().then((m) => m.AddressListPreview));

/** Step 4 refuses "Volgende stap" while the list has lines with an error. */
const ADDRESS_LIST_HAS_ERRORS = "Er staan regels met een fout in de lijst. Verbeter of verwijder die regels; de lijst staat hieronder. U kunt de lijst ook leeg laten en de adressen later toevoegen.";
type Name = FieldPath<Values>;

const STEPS: Array<{ title: string; fields: Name[] }> = [
  { title: "Over u", fields: ["admin.name", "admin.phone", "admin.birthDate", "admin.address.postcode", "admin.address.houseNumber", "admin.address.addition"] },
  { title: "De groep", fields: ["name", "areaCode", "areaDescription", "whatsappInviteLink"] },
  { title: "Medebeheerders", fields: ["coAdmins"] },
  { title: "Adressen", fields: ["addressList"] },
  { title: "Huisregels", fields: ["acceptHouseRules", "residentsConfirmed"] },
  { title: "Controleren en versturen", fields: [] },
];

function stepOfField(name: string): number {
  const index = STEPS.findIndex((s) => s.fields.some((f) => name === f || name.startsWith(`${f}.`)));
  return index === -1 ? STEPS.length - 1 : index;
}

/** The wijk for a postcode, by the rule of postcodeAreaKeys. */
function suggestArea(areas: AreaOption[], postcodeInput: string): AreaOption | undefined {
  const postcode = normalizePostcode(postcodeInput ?? "");
  if (!postcode) return undefined;
  return areaOfPostcode(postcode, (key) => areas.find((a) => a.postcodes.includes(key)));
}

function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

/**
 * /groep-starten: the step-by-step registration. Each step is checked in the browser with the
 * shared schema before the next one opens; the server checks everything again.
 */
export function RegisterGroupForm({
  today,
  email,
  areas,
  prefill,
  action,
  houseRules,
}: {
  today: string;
  email: string;
  areas: AreaOption[];
  prefill: { name: string; phone: string; birthDate: string; postcode: string; houseNumber: string; addition: string };
  action: (input: Values) => Promise<ActionResult<RegisterGroupResult>>;
  /** The house rules in full (HouseRulesList), rendered by the server: their text stays out of this component's JavaScript. */
  houseRules: ReactNode;
}) {
  const router = useRouter();
  const [step, setStep] = useState(0);
  /** Sent and on the way to the new group's page: the button stays off. */
  const [sent, setSent] = useState(false);
  // The shared schema (zod and the phone number rules, most of this page's JavaScript) is loaded
  // when the form is first used, not with the page.
  const {
    form,
    onSubmit: submit,
    message: serverMessage,
    setMessage: setServerMessage,
    pending,
    preload,
  } = useActionForm<Values, RegisterGroup, RegisterGroupResult>({
    schema: () => import("@/lib/validation/group").then((m) => m.registerGroupSchema(today)),
    defaultValues: {
      name: "",
      areaCode: "",
      areaDescription: "",
      admin: {
        name: prefill.name,
        phone: prefill.phone,
        birthDate: prefill.birthDate,
        address: { postcode: prefill.postcode, houseNumber: prefill.houseNumber, addition: prefill.addition },
      },
      coAdmins: [],
      addressList: "",
      whatsappInviteLink: "",
      acceptHouseRules: false,
      residentsConfirmed: false,
    },
    action,
    onSuccess: (data) => {
      setSent(true);
      router.push(`${routes.myGroups.group(data.groupId)}?nieuw=1`);
    },
    // The server's messages go to their fields: first show the step that holds the first one.
    onRefused: (result) => {
      const firstField = Object.keys(result.fieldErrors ?? {}).find((k) => k !== "_form");
      if (firstField) flushSync(() => setStep(stepOfField(firstField)));
    },
    onInvalid: (fieldErrors) => {
      const first = Object.keys(fieldErrors)[0];
      if (first) setStep(stepOfField(first));
    },
  });
  const sending = pending || sent;
  const { register, formState, getValues, setValue, trigger, setError, control } = form;
  const errors = formState.errors;
  const coAdmins = useFieldArray({ control, name: "coAdmins" });
  const [preview, setPreview] = useState<AddressListPreviewState>({ kind: "empty" });
  /** Addresses in the list, counted when the address step is left (the list changes only there). */
  const [listCount, setListCount] = useState(0);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  /** A chosen file's text, waiting for "replace the pasted list?" to be answered. */
  const [pendingFile, setPendingFile] = useState<{ name: string; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const err = (path: string) => errorAt(errors, path);

  async function next() {
    setServerMessage(null);
    const fields = STEPS[step].fields;
    const valid = fields.length === 0 ? true : await trigger(fields, { shouldFocus: true });
    if (!valid) return;
    if (step === 0 && !getValues("areaCode")) {
      const suggested = suggestArea(areas, getValues("admin.address.postcode"));
      if (suggested) setValue("areaCode", suggested.code);
    }
    if (step === 3) {
      const { previewAddressList, distinctAddressCount } = await loadListTools();
      const checked = previewAddressList(getValues("addressList") ?? "");
      setPreview(checked);
      // A list with errors is not taken along: the person fixes it (or empties it) first.
      if (checked.kind === "failed" || (checked.kind === "parsed" && checked.lines.some((l) => !l.ok))) {
        setError("addressList", { type: "list", message: ADDRESS_LIST_HAS_ERRORS }, { shouldFocus: true });
        return;
      }
      setListCount(distinctAddressCount(checked));
    }
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  }

  function back() {
    setServerMessage(null);
    setStep((s) => Math.max(s - 1, 0));
  }

  const values = useWatch({ control }) as Values;
  const suggested = suggestArea(areas, values.admin?.address?.postcode ?? "");
  const chosenArea = areas.find((a) => a.code === values.areaCode);

  // The account's own details are used and never overwritten: shown, not editable.
  const fromAccount = Boolean(prefill.name || prefill.phone || prefill.birthDate || prefill.postcode);
  return (
    <form method="post" onSubmit={submit} onFocus={preload} noValidate className="space-y-6">
      <nav aria-label="Stappen">
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((s, i) => (
            <li
              key={s.title}
              aria-current={i === step ? "step" : undefined}
              className={`rounded border-2 px-2 py-1 ${i === step ? "border-brand-700 bg-brand-700 font-semibold text-white" : i < step ? "border-brand-700 text-brand-800" : "border-slate-400 text-slate-700"}`}
            >
              {i < step ? <span aria-hidden="true">✓ </span> : null}
              {i + 1}. {s.title}
              {i < step ? <span className="sr-only"> (klaar)</span> : null}
            </li>
          ))}
        </ol>
      </nav>

      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        Stap {step + 1} van {STEPS.length}: {STEPS[step].title}
      </h2>

      {serverMessage ? <FormMessage tone="error" title="Het is nog niet gelukt">{serverMessage.text}</FormMessage> : null}

      <div hidden={step !== 0} className="space-y-4">
        <p>U wordt groepsbeheerder. De gemeente en de wijkagent kunnen u bereiken via deze gegevens. Bewoners zien ze niet.</p>
        {fromAccount ? (
          <p>
            Uw gegevens staan al bij uw account. Die gebruiken we ook voor deze groep. Een groep aanmelden verandert ze niet.
          </p>
        ) : null}
        <TextField id="admin-name" label="Uw naam" autoComplete="name" maxLength={200} error={err("admin.name")} readOnly={Boolean(prefill.name)} {...register("admin.name")} />
        <div>
          <p className="font-semibold">Uw e-mailadres</p>
          <p className="text-slate-800">{email}</p>
          <p className="text-sm text-slate-700">Dit is het adres waarmee u bent ingelogd.</p>
        </div>
        <TextField id="admin-phone" label="Uw telefoonnummer" hint="Bijvoorbeeld 06 12345678" type="tel" autoComplete="tel" maxLength={40} error={err("admin.phone")} readOnly={Boolean(prefill.phone)} {...register("admin.phone")} />
        <TextField id="admin-birthDate" label="Uw geboortedatum" hint="U moet 18 jaar of ouder zijn." type="date" autoComplete="bday" error={err("admin.birthDate")} readOnly={Boolean(prefill.birthDate)} {...register("admin.birthDate")} />
        <fieldset className="space-y-3">
          <legend className="font-semibold">Uw adres</legend>
          <p className="text-sm text-slate-700">Uw eigen adres telt mee als deelnemend adres van de groep.</p>
          {prefill.postcode ? null : (
            <AddressCombobox id="admin-address-search" targets={{ postcode: "admin-postcode", houseNumber: "admin-houseNumber", addition: "admin-addition" }} />
          )}
          <AddressFields
            idPrefix="admin"
            inputs={{
              postcode: { readOnly: Boolean(prefill.postcode), ...register("admin.address.postcode") },
              houseNumber: { readOnly: Boolean(prefill.houseNumber), ...register("admin.address.houseNumber") },
              addition: { readOnly: Boolean(prefill.postcode), ...register("admin.address.addition") },
            }}
            errors={{ postcode: err("admin.address.postcode"), houseNumber: err("admin.address.houseNumber"), addition: err("admin.address.addition") }}
            hints={{ addition: "Bijvoorbeeld A" }}
          />
        </fieldset>
      </div>

      <div hidden={step !== 1} className="space-y-4">
        <TextField
          id="group-name"
          label="Naam van de groep"
          hint="Een duidelijke naam met uw buurt of straat erin, bijvoorbeeld WhatsApp BP Tiendweg."
          maxLength={200}
          error={err("name")}
          {...register("name")}
        />
        <SelectField
          id="group-area"
          label="Wijk"
          hint={suggested ? `Bij uw postcode hoort de wijk ${suggested.name}.` : "Kies de wijk waar de groep is."}
          error={err("areaCode")}
          {...register("areaCode")}
        >
          <option value="">Kies een wijk</option>
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name} ({a.municipalityName})
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="group-description"
          label="Welke straten doen mee? (niet verplicht)"
          hint="Bijvoorbeeld: Tiendweg, Raadhuisplein en de zijstraten tot het park."
          rows={3}
          error={err("areaDescription")}
          {...register("areaDescription")}
        />
        <TextField
          id="group-whatsapp"
          label="Uitnodigingslink van de WhatsApp-groep (niet verplicht)"
          hint="Begint met https://chat.whatsapp.com/. Alleen beheerders zien de link. Bewoners die u accepteert, krijgen hem per e-mail."
          type="url"
          maxLength={300}
          error={err("whatsappInviteLink")}
          {...register("whatsappInviteLink")}
        />
      </div>

      <div hidden={step !== 2} className="space-y-4">
        <p>
          Beheer de groep liever niet alleen. Vul de e-mailadressen in van buren die mee willen helpen. Zij krijgen een e-mail met een link.
          Als zij die openen en hun gegevens invullen, zijn zij ook beheerder.
        </p>
        {coAdmins.fields.length === 0 ? (
          <FormMessage tone="warning" title="U bent nu de enige beheerder">
            Dat mag, maar dan hangt de groep van u alleen af. U kunt ook later nog iemand uitnodigen.
          </FormMessage>
        ) : null}
        <ul className="space-y-3">
          {coAdmins.fields.map((field, index) => (
            <li key={field.id} className="flex flex-wrap items-end gap-3">
              <TextField
                id={`coadmin-${index}`}
                className="min-w-64 flex-1"
                label={`E-mailadres medebeheerder ${index + 1}`}
                type="email"
                autoComplete="off"
                maxLength={300}
                error={err(`coAdmins.${index}.email`)}
                {...register(`coAdmins.${index}.email` as const)}
              />
              <Button type="button" variant="secondary" onClick={() => coAdmins.remove(index)}>
                Verwijder<span className="sr-only"> medebeheerder {index + 1}</span>
              </Button>
            </li>
          ))}
        </ul>
        {err("coAdmins") ? <p className="font-semibold text-red-700">⚠ {err("coAdmins")}</p> : null}
        {coAdmins.fields.length < MAX_CO_ADMIN_INVITES ? (
          <Button type="button" variant="secondary" onClick={() => coAdmins.append({ email: "" }, { shouldFocus: true })}>
            Medebeheerder toevoegen
          </Button>
        ) : null}
      </div>

      <div hidden={step !== 3} className="space-y-4">
        <p>
          Welke adressen doen mee? Zet één adres op elke regel: eerst de postcode, dan het huisnummer, bijvoorbeeld <code>2922 AB 12 A</code>. U kunt
          ook een CSV-bestand kiezen met de kolommen postcode, huisnummer en toevoeging. Alleen adressen, geen namen. Uw eigen adres zetten wij er
          zelf bij. U kunt dit ook later doen.
        </p>
        <TextAreaField
          id="address-list"
          label="Adressen (niet verplicht)"
          hint="Eén adres per regel. Plakken uit Excel mag ook."
          rows={8}
          error={err("addressList")}
          {...register("addressList", { onChange: () => setPreview({ kind: "empty" }) })}
        />
        <div>
          <label htmlFor="address-file" className="block font-semibold">
            Of kies een bestand (CSV of tekst)
          </label>
          <input
            id="address-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="mt-1 block w-full max-w-full text-sm"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              const { readListFile, previewAddressList } = await loadListTools();
              const read = await readListFile(file);
              event.target.value = "";
              if (!read.ok) return setFileMessage(read.message);
              setFileMessage(null);
              const typed = (getValues("addressList") ?? "").trim();
              if (typed !== "" && typed !== read.text.trim()) return setPendingFile({ name: file.name, text: read.text });
              setValue("addressList", read.text, { shouldValidate: true });
              setPreview(previewAddressList(read.text));
            }}
          />
          {fileMessage ? <p className="mt-1 font-semibold text-red-700">⚠ {fileMessage}</p> : null}
          {pendingFile ? (
            <div role="group" aria-label="Lijst vervangen?" className="mt-2 space-y-2 rounded border-2 border-amber-600 bg-amber-50 p-3">
              <p className="font-semibold">
                Er staan al adressen in het veld. Wilt u die vervangen door de adressen uit <span className="break-all">{pendingFile.name}</span>?
              </p>
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  autoFocus
                  onClick={async () => {
                    const { previewAddressList } = await loadListTools();
                    setValue("addressList", pendingFile.text, { shouldValidate: true });
                    setPreview(previewAddressList(pendingFile.text));
                    setPendingFile(null);
                  }}
                >
                  Ja, vervangen
                </Button>
                <Button type="button" variant="secondary" onClick={() => setPendingFile(null)}>
                  Nee, mijn lijst houden
                </Button>
              </div>
            </div>
          ) : null}
        </div>
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            const { previewAddressList } = await loadListTools();
            setPreview(previewAddressList(getValues("addressList") ?? ""));
          }}
        >
          Controleer de lijst
        </Button>
        {step === 3 ? <AddressListPreview id="address-preview" state={preview} /> : null}
      </div>

      <div hidden={step !== 4} className="space-y-4">
        <p>Dit zijn de huisregels van elke buurtpreventiegroep. Lees ze goed. U zorgt dat de leden van de groep ze ook kennen.</p>
        {houseRules}
        <CheckboxField id="accept-rules" label="Ik heb de huisregels gelezen en ik houd me eraan." error={err("acceptHouseRules")} {...register("acceptHouseRules")} />
        <CheckboxField
          id="residents-confirmed"
          label="De bewoners die meedoen zijn 18 jaar of ouder en wonen op de adressen die ik opgeef."
          error={err("residentsConfirmed")}
          {...register("residentsConfirmed")}
        />
      </div>

      <div hidden={step !== 5} className="space-y-4">
        <p>Kijk of alles klopt. Klopt er iets niet? Kies dan Wijzigen.</p>
        <dl className="divide-y divide-slate-200 rounded border-2 border-slate-300">
          {[
            { label: "Naam van de groep", value: values.name, step: 1 },
            { label: "Wijk", value: chosenArea ? `${chosenArea.name} (${chosenArea.municipalityName})` : "", step: 1 },
            { label: "Straten", value: values.areaDescription || "Niet ingevuld", step: 1 },
            { label: "WhatsApp-link", value: values.whatsappInviteLink || "Niet ingevuld", step: 1 },
            { label: "Groepsbeheerder", value: `${values.admin?.name ?? ""}, ${email}, ${values.admin?.phone ?? ""}`, step: 0 },
            { label: "Uw adres", value: `${values.admin?.address?.postcode ?? ""} ${values.admin?.address?.houseNumber ?? ""} ${values.admin?.address?.addition ?? ""}`, step: 0 },
            {
              label: "Medebeheerders",
              value: (values.coAdmins ?? []).map((c) => c.email).filter(Boolean).join(", ") || "Geen (u bent de enige beheerder)",
              step: 2,
            },
            { label: "Adressen uit uw lijst", value: `${listCount} ${listCount === 1 ? "adres" : "adressen"}, plus uw eigen adres`, step: 3 },
          ].map((row) => (
            <div key={row.label} className="grid gap-1 p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-center">
              <dt className="font-semibold">{row.label}</dt>
              <dd className="min-w-0 [overflow-wrap:anywhere]">{row.value}</dd>
              <dd>
                <Button type="button" variant="secondary" className="min-h-9 px-3 py-1 text-sm" onClick={() => setStep(row.step)}>
                  Wijzigen<span className="sr-only">: {row.label}</span>
                </Button>
              </dd>
            </div>
          ))}
        </dl>
        <p>Na het versturen krijgen de wijkagent en de wethouder van de wijk een e-mail met de naam van de groep en uw contactgegevens.</p>
      </div>

      <div className="flex flex-wrap gap-3 border-t-2 border-slate-200 pt-4">
        {step > 0 ? (
          <Button type="button" variant="secondary" onClick={back} disabled={sending}>
            Vorige stap
          </Button>
        ) : null}
        {step < STEPS.length - 1 ? (
          // Separate keys: React must not turn this button into the submit button while Enter is
          // still being handled, or a keyboard user would send the form from step 5.
          <Button key="next" type="button" onClick={next}>
            Volgende stap
          </Button>
        ) : (
          <Button key="submit" type="submit" disabled={sending} aria-disabled={sending}>
            {sending ? "Bezig met versturen…" : "Groep aanmelden"}
          </Button>
        )}
      </div>
    </form>
  );
}
