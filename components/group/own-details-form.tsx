"use client";

import { AddressFields } from "@/components/ui/address-fields";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ownDetailsSchema, type OwnDetails, type OwnDetailsFormInput } from "@/lib/validation";

/** A group admin changes their own name, phone and address. */
export function OwnDetailsForm({
  initial,
  action,
}: {
  initial: { name: string; phone: string; postcode: string; houseNumber: string; addition: string };
  action: (input: OwnDetailsFormInput) => Promise<ActionResult<{ changed: string[] }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<OwnDetailsFormInput, unknown, OwnDetails>({
    resolver: zodResolver(ownDetailsSchema),
    defaultValues: { name: initial.name, phone: initial.phone, address: { postcode: initial.postcode, houseNumber: initial.houseNumber, addition: initial.addition } },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await action(form.getValues()).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      return setMessage({ tone: "error", text: result.message });
    }
    setMessage({ tone: "success", text: result.data.changed.length > 0 ? "Uw gegevens zijn opgeslagen." : "Er was niets veranderd." });
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      <TextField id="own-name" label="Uw naam" autoComplete="name" maxLength={200} error={e.name?.message} {...form.register("name")} />
      <TextField id="own-phone" label="Uw telefoonnummer" hint="Bijvoorbeeld 06 12345678" type="tel" autoComplete="tel" maxLength={40} error={e.phone?.message} {...form.register("phone")} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Uw adres</legend>
        <AddressFields
          idPrefix="own"
          inputs={{ postcode: form.register("address.postcode"), houseNumber: form.register("address.houseNumber"), addition: form.register("address.addition") }}
          errors={{ postcode: e.address?.postcode?.message, houseNumber: e.address?.houseNumber?.message, addition: e.address?.addition?.message }}
        />
      </fieldset>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Bezig met opslaan…" : "Mijn gegevens opslaan"}
      </Button>
    </form>
  );
}
