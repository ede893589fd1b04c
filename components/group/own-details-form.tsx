"use client";

import { AddressFields } from "@/components/ui/address-fields";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { OwnDetails, OwnDetailsFormInput } from "@/lib/validation/group";

/** A group admin changes their own name, phone and address. */
export function OwnDetailsForm({
  initial,
  action,
}: {
  initial: { name: string; phone: string; postcode: string; houseNumber: string; addition: string };
  action: (input: OwnDetailsFormInput) => Promise<ActionResult<{ changed: string[] }>>;
}) {
  const { form, onSubmit, message, pending, preload } = useActionForm<OwnDetailsFormInput, OwnDetails, { changed: string[] }>({
    schema: () => import("@/lib/validation/group").then((m) => m.ownDetailsSchema),
    defaultValues: { name: initial.name, phone: initial.phone, address: { postcode: initial.postcode, houseNumber: initial.houseNumber, addition: initial.addition } },
    action,
    onSuccess: (data) => ({ tone: "success", text: data.changed.length > 0 ? "Uw gegevens zijn opgeslagen." : "Er was niets veranderd." }),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
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
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met opslaan…" : "Mijn gegevens opslaan"}
      </Button>
    </form>
  );
}
