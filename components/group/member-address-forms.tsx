"use client";

import { AddressFields } from "@/components/ui/address-fields";
import { AddressCombobox } from "@/components/ui/address-combobox";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { AddressListPreview, previewAddressList, readListFile, type AddressListPreviewState } from "@/components/group/address-list-preview";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { CheckboxField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  addressListSchema,
  memberAddressSchema,
  type AddressList,
  type AddressListFormInput,
  type MemberAddress,
  type MemberAddressFormInput,
} from "@/lib/validation";

type Message = { tone: "error" | "success" | "warning"; text: string } | null;

/** Add one address, with the admin's statement about the residents. */
export function AddMemberAddressForm({
  groupId,
  action,
}: {
  groupId: string;
  action: (input: MemberAddressFormInput & { groupId: string }) => Promise<ActionResult<{ inMunicipality: boolean; verification?: string; alsoInGroups: string[] }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const form = useForm<MemberAddressFormInput, unknown, MemberAddress>({
    resolver: zodResolver(memberAddressSchema),
    defaultValues: { postcode: "", houseNumber: "", addition: "", residentsConfirmed: false },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await action({ ...form.getValues(), groupId }).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      return setMessage({ tone: "error", text: result.message });
    }
    form.reset({ postcode: "", houseNumber: "", addition: "", residentsConfirmed: form.getValues("residentsConfirmed") });
    const also = result.data.alsoInGroups;
    const shared =
      also.length > 0
        ? ` Dit adres doet ook mee bij ${also.map((n) => `de groep ${n}`).join(" en ")}. Voor een bord telt het alleen mee bij de groep waar het het eerst bij kwam.`
        : "";
    setMessage(
      !result.data.inMunicipality
        ? { tone: "warning", text: `Het adres is toegevoegd, maar het ligt buiten de gemeente. Het telt niet mee voor een bord.${shared}` }
        : result.data.verification === "unchecked"
          ? { tone: "warning", text: `Het adres is toegevoegd, maar de landelijke adressenlijst was niet bereikbaar. Het telt mee voor een bord zodra het gecontroleerd is; dat gebeurt vanzelf.${shared}` }
          : { tone: also.length > 0 ? "warning" : "success", text: `Het adres is toegevoegd.${shared}` },
    );
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
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
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Adres toevoegen
      </Button>
    </form>
  );
}

/** Paste many lines or choose a CSV; a preview shows each line's result before saving. */
export function AddressListForm({
  groupId,
  action,
}: {
  groupId: string;
  action: (input: AddressListFormInput & { groupId: string }) => Promise<ActionResult<{ added: number; alreadyPresent: number; outside: number; unchecked?: number; alsoInGroups: Array<{ name: string; addresses: number }> }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const [preview, setPreview] = useState<AddressListPreviewState>({ kind: "empty" });
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const form = useForm<AddressListFormInput, unknown, AddressList>({
    resolver: zodResolver(addressListSchema),
    defaultValues: { text: "", residentsConfirmed: false },
  });
  const e = form.formState.errors;
  const canSave = preview.kind === "parsed" && preview.lines.length > 0 && preview.lines.every((l) => l.ok);

  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const state = previewAddressList(form.getValues("text") ?? "");
    setPreview(state);
    if (!(state.kind === "parsed" && state.lines.length > 0 && state.lines.every((l) => l.ok))) {
      return setMessage({ tone: "error", text: "Bekijk eerst het resultaat hieronder en verbeter de regels met een fout." });
    }
    const result = await action({ ...form.getValues(), groupId }).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      return setMessage({ tone: "error", text: result.message });
    }
    const { added, alreadyPresent, outside, unchecked = 0, alsoInGroups } = result.data;
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
    setMessage({ tone: outside > 0 || alsoInGroups.length > 0 || unchecked > 0 ? "warning" : "success", text: parts.join(" ") });
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
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
            const read = await readListFile(file);
            if (!read.ok) return setFileMessage(read.message);
            setFileMessage(null);
            form.setValue("text", read.text, { shouldValidate: true });
            setPreview(previewAddressList(read.text));
          }}
        />
        {fileMessage ? <p className="mt-1 font-semibold text-red-700">⚠ {fileMessage}</p> : null}
      </div>
      <Button type="button" variant="secondary" onClick={() => setPreview(previewAddressList(form.getValues("text") ?? ""))}>
        Controleer de lijst
      </Button>
      <AddressListPreview id="list-preview" state={preview} />
      <CheckboxField
        id="list-confirmed"
        label="De bewoners die meedoen zijn 18 jaar of ouder, wonen op deze adressen en willen meedoen."
        error={e.residentsConfirmed?.message}
        {...form.register("residentsConfirmed")}
      />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {canSave ? "Adressen opslaan" : "Controleren en opslaan"}
      </Button>
    </form>
  );
}
