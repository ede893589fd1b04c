"use client";

import { AddressFields } from "@/components/ui/address-fields";
import { AddressCombobox } from "@/components/ui/address-combobox";
import { useState } from "react";
import type { AddressListPreviewState } from "@/components/group/address-list-preview";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm, type StatusMessage } from "@/components/ui/use-action-form";
import { CheckboxField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AddressList, AddressListFormInput, MemberAddress, MemberAddressFormInput } from "@/lib/validation/address";

/** Add one address, with the admin's statement about the residents. */
export function AddMemberAddressForm({
  groupId,
  action,
}: {
  groupId: string;
  action: (input: MemberAddressFormInput & { groupId: string }) => Promise<ActionResult<{ inMunicipality: boolean; verification?: string; alsoInGroups: string[] }>>;
}) {
  const { form, onSubmit, message, pending, preload } = useActionForm<
    MemberAddressFormInput,
    MemberAddress,
    { inMunicipality: boolean; verification?: string; alsoInGroups: string[] }
  >({
    schema: () => import("@/lib/validation/address").then((m) => m.memberAddressSchema),
    defaultValues: { postcode: "", houseNumber: "", addition: "", residentsConfirmed: false },
    action: (values) => action({ ...values, groupId }),
    onSuccess: (data): StatusMessage => {
      form.reset({ postcode: "", houseNumber: "", addition: "", residentsConfirmed: form.getValues("residentsConfirmed") });
      const also = data.alsoInGroups;
      const shared =
        also.length > 0
          ? ` Dit adres doet ook mee bij ${also.map((n) => `de groep ${n}`).join(" en ")}. Voor een bord telt het alleen mee bij de groep waar het het eerst bij kwam.`
          : "";
      return !data.inMunicipality
        ? { tone: "warning", text: `Het adres is toegevoegd, maar het ligt buiten de gemeente. Het telt niet mee voor een bord.${shared}` }
        : data.verification === "unchecked"
          ? { tone: "warning", text: `Het adres is toegevoegd, maar de landelijke adressenlijst was niet bereikbaar. Het telt mee voor een bord zodra het gecontroleerd is; dat gebeurt vanzelf.${shared}` }
          : { tone: also.length > 0 ? "warning" : "success", text: `Het adres is toegevoegd.${shared}` };
    },
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-3">
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      <AddressCombobox id="one-address-search" targets={{ postcode: "one-postcode", houseNumber: "one-houseNumber", addition: "one-addition" }} />
      <AddressFields
        idPrefix="one"
        inputs={{ postcode: form.register("postcode"), houseNumber: form.register("houseNumber"), addition: form.register("addition") }}
        errors={{ postcode: e.postcode?.message, houseNumber: e.houseNumber?.message, addition: e.addition?.message }}
      />
      <CheckboxField
        id="one-confirmed"
        label="De bewoners die meedoen zijn 18 jaar of ouder, wonen op dit adres en willen meedoen."
        error={e.residentsConfirmed?.message}
        {...form.register("residentsConfirmed")}
      />
      <Button type="submit" disabled={pending}>
        Adres toevoegen
      </Button>
    </form>
  );
}

/**
 * Reading a pasted list or a CSV file (Papa Parse) and its preview: loaded when the list form is
 * first used, not with the page. The preview shows only after a list was read, so by then it is
 * loaded.
 */
const loadListTools = () => import("@/components/group/address-list-preview");
type ListTools = Awaited<ReturnType<typeof loadListTools>>;

interface AddressListResult {
  added: number;
  alreadyPresent: number;
  outside: number;
  unchecked?: number;
  alsoInGroups: Array<{ name: string; addresses: number }>;
}

/** Paste many lines or choose a CSV; a preview shows each line's result before saving. */
export function AddressListForm({
  groupId,
  action,
}: {
  groupId: string;
  action: (input: AddressListFormInput & { groupId: string }) => Promise<ActionResult<AddressListResult>>;
}) {
  const [preview, setPreview] = useState<AddressListPreviewState>({ kind: "empty" });
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const [listTools, setListTools] = useState<ListTools | null>(null);
  const tools = async () => {
    const loaded = await loadListTools();
    setListTools(loaded);
    return loaded;
  };
  const { form, onSubmit, message, pending, preload } = useActionForm<AddressListFormInput, AddressList, AddressListResult>({
    schema: () => import("@/lib/validation/address").then((m) => m.addressListSchema),
    defaultValues: { text: "", residentsConfirmed: false },
    action: async (values) => {
      const { previewAddressList } = await tools();
      const state = previewAddressList(values.text ?? "");
      setPreview(state);
      if (!(state.kind === "parsed" && state.lines.length > 0 && state.lines.every((l) => l.ok))) {
        return { ok: false, code: "bad_request", message: "Bekijk eerst het resultaat hieronder en verbeter de regels met een fout." };
      }
      return action({ ...values, groupId });
    },
    onSuccess: (data) => listSaved(data),
  });
  const e = form.formState.errors;
  const canSave = preview.kind === "parsed" && preview.lines.length > 0 && preview.lines.every((l) => l.ok);

  function listSaved({ added, alreadyPresent, outside, unchecked = 0, alsoInGroups }: AddressListResult): StatusMessage {
    const parts = [`${added} ${added === 1 ? "adres" : "adressen"} toegevoegd.`];
    if (alreadyPresent > 0) parts.push(`${alreadyPresent} stond${alreadyPresent === 1 ? "" : "en"} er al in.`);
    if (outside > 0) parts.push(`${outside} ${outside === 1 ? "ligt" : "liggen"} buiten de gemeente en ${outside === 1 ? "telt" : "tellen"} niet mee voor een bord.`);
    form.reset({ text: "", residentsConfirmed: form.getValues("residentsConfirmed") });
    setPreview({ kind: "empty" });
    for (const other of alsoInGroups) {
      parts.push(
        `${other.addresses} ${other.addresses === 1 ? "adres doet" : "adressen doen"} ook mee bij de groep ${other.name}; voor een bord telt een adres alleen bij de groep waar het het eerst bij kwam.`,
      );
    }
    if (unchecked > 0) {
      parts.push(
        `${unchecked} ${unchecked === 1 ? "adres is" : "adressen zijn"} nog niet gecontroleerd in de landelijke adressenlijst en ${unchecked === 1 ? "telt" : "tellen"} pas mee voor een bord als dat gebeurd is; dat gaat vanzelf.`,
      );
    }
    return { tone: outside > 0 || alsoInGroups.length > 0 || unchecked > 0 ? "warning" : "success", text: parts.join(" ") };
  }

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      onFocus={() => {
        preload();
        void loadListTools().catch(() => undefined);
      }}
      noValidate
      className="space-y-3"
    >
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      <TextAreaField
        id="list-text"
        label="Adressen, één per regel"
        hint="Eerst de postcode, dan het huisnummer, bijvoorbeeld 2922 AB 12 A. Plakken uit Excel mag ook."
        rows={8}
        error={e.text?.message}
        {...form.register("text", { onChange: () => setPreview({ kind: "empty" }) })}
      />
      <div>
        <label htmlFor="list-file" className="block font-semibold">
          Of kies een bestand (CSV of tekst)
        </label>
        <p id="list-file-hint" className="text-sm text-slate-700">
          Met de kolommen postcode, huisnummer en toevoeging.
        </p>
        <input
          id="list-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby="list-file-hint"
          className="mt-1 block w-full max-w-full text-sm"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            const { readListFile, previewAddressList } = await tools();
            const read = await readListFile(file);
            if (!read.ok) return setFileMessage(read.message);
            setFileMessage(null);
            form.setValue("text", read.text, { shouldValidate: true });
            setPreview(previewAddressList(read.text));
          }}
        />
        {fileMessage ? <p className="mt-1 font-semibold text-red-700">⚠ {fileMessage}</p> : null}
      </div>
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          const { previewAddressList } = await tools();
          setPreview(previewAddressList(form.getValues("text") ?? ""));
        }}
      >
        Controleer de lijst
      </Button>
      {listTools ? <listTools.AddressListPreview id="list-preview" state={preview} /> : null}
      <CheckboxField
        id="list-confirmed"
        label="De bewoners die meedoen zijn 18 jaar of ouder, wonen op deze adressen en willen meedoen."
        error={e.residentsConfirmed?.message}
        {...form.register("residentsConfirmed")}
      />
      <Button type="submit" disabled={pending}>
        {canSave ? "Adressen opslaan" : "Controleren en opslaan"}
      </Button>
    </form>
  );
}
