"use client";

import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { GroupDetails, GroupDetailsFormInput } from "@/lib/validation/group";

/** Edit name, wijk, description and WhatsApp link; the version makes a concurrent edit visible. */
export function GroupDetailsForm({
  groupId,
  initial,
  areas,
  action,
}: {
  groupId: string;
  initial: { name: string; areaCode: string; areaDescription: string; whatsappInviteLink: string; wabpRegistered: boolean; version: number };
  areas: Array<{ code: string; name: string }>;
  action: (input: GroupDetailsFormInput & { groupId: string }) => Promise<ActionResult<{ version: number }>>;
}) {
  const { form, onSubmit, message, pending, preload } = useActionForm<GroupDetailsFormInput, GroupDetails, { version: number }>({
    schema: () => import("@/lib/validation/group").then((m) => m.groupDetailsSchema),
    defaultValues: initial,
    action: (values) => action({ ...values, groupId }),
    onSuccess: (data) => {
      form.setValue("version", data.version);
      return { tone: "success", text: "De gegevens zijn opgeslagen." };
    },
  });
  const { register, formState } = form;
  const e = formState.errors;

  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      <input type="hidden" {...register("version")} />
      <TextField id="details-name" label="Naam van de groep" maxLength={200} error={e.name?.message} {...register("name")} />
      <SelectField id="details-area" label="Wijk" error={e.areaCode?.message} {...register("areaCode")}>
        {areas.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField id="details-description" label="Welke straten doen mee?" rows={3} error={e.areaDescription?.message} {...register("areaDescription")} />
      <TextField
        id="details-whatsapp"
        label="Uitnodigingslink van de WhatsApp-groep (niet verplicht)"
        hint="Alleen beheerders zien deze link. Bewoners die u accepteert, krijgen hem per e-mail."
        type="url"
        maxLength={300}
        error={e.whatsappInviteLink?.message}
        {...register("whatsappInviteLink")}
      />
      <CheckboxField
        id="details-wabp"
        label="Onze groep staat ook op wabp.nl (de landelijke lijst van WhatsApp-buurtpreventiegroepen; niet verplicht)"
        error={e.wabpRegistered?.message}
        {...register("wabpRegistered")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig met opslaan…" : "Gegevens opslaan"}
      </Button>
    </form>
  );
}
