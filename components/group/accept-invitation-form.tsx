"use client";

import { AddressFields } from "@/components/ui/address-fields";
import { AddressCombobox } from "@/components/ui/address-combobox";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AcceptInvitation, AcceptInvitationFormInput } from "@/lib/validation/group";
import { routes } from "@/lib/routes";

/** The invited co-admin gives their details, accepts the house rules and becomes admin. */
export function AcceptInvitationForm({
  token,
  today,
  prefill,
  houseRules,
  action,
}: {
  token: string;
  today: string;
  /** The house rules in full (components/group/house-rules.tsx), shown above the checkbox. */
  houseRules: ReactNode;
  prefill: { name: string; phone: string; birthDate: string; postcode: string; houseNumber: string; addition: string };
  action: (input: AcceptInvitationFormInput & { token: string }) => Promise<ActionResult<{ groupId: string }>>;
}) {
  const router = useRouter();
  const { form, onSubmit, message, pending, preload } = useActionForm<AcceptInvitationFormInput, AcceptInvitation, { groupId: string }>({
    schema: () => import("@/lib/validation/group").then((m) => m.acceptInvitationSchema(today)),
    defaultValues: {
      name: prefill.name,
      phone: prefill.phone,
      birthDate: prefill.birthDate,
      address: { postcode: prefill.postcode, houseNumber: prefill.houseNumber, addition: prefill.addition },
      acceptHouseRules: false,
    },
    action: (values) => action({ ...values, token }),
    onSuccess: (data) => router.push(`${routes.myGroups.group(data.groupId)}?welkom=1`),
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message.text} /> : null}
      <TextField id="inv-name" label="Uw naam" autoComplete="name" maxLength={200} error={e.name?.message} {...form.register("name")} />
      <TextField id="inv-phone" label="Uw telefoonnummer" hint="Bijvoorbeeld 06 12345678" type="tel" autoComplete="tel" maxLength={40} error={e.phone?.message} {...form.register("phone")} />
      <TextField id="inv-birthDate" label="Uw geboortedatum" hint="U moet 18 jaar of ouder zijn." type="date" error={e.birthDate?.message} {...form.register("birthDate")} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">Uw adres</legend>
        <AddressCombobox id="inv-address-search" targets={{ postcode: "inv-postcode", houseNumber: "inv-houseNumber", addition: "inv-addition" }} />
        <AddressFields
          idPrefix="inv"
          inputs={{ postcode: form.register("address.postcode"), houseNumber: form.register("address.houseNumber"), addition: form.register("address.addition") }}
          errors={{ postcode: e.address?.postcode?.message, houseNumber: e.address?.houseNumber?.message, addition: e.address?.addition?.message }}
        />
      </fieldset>
      <section aria-labelledby="inv-rules-heading" className="space-y-3">
        <h2 id="inv-rules-heading" className="text-xl font-bold">
          De huisregels
        </h2>
        <p>Elke buurtpreventiegroep houdt zich aan deze regels. Als beheerder zorgt u dat de leden van de groep ze ook kennen.</p>
        {houseRules}
        <CheckboxField id="inv-accept-rules" label="Ik heb de huisregels gelezen en ik houd me eraan." error={e.acceptHouseRules?.message} {...form.register("acceptHouseRules")} />
      </section>
      <Button type="submit" disabled={pending}>
        Ik word beheerder
      </Button>
    </form>
  );
}
