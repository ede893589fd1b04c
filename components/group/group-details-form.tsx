"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { groupDetailsSchema, type GroupDetails, type GroupDetailsFormInput } from "@/lib/validation";

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
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<GroupDetailsFormInput, unknown, GroupDetails>({ resolver: zodResolver(groupDetailsSchema), defaultValues: initial });
  const { register, formState, setError, setValue, getValues } = form;
  const e = formState.errors;

  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await action({ ...getValues(), groupId }).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(setError, result.fieldErrors);
      return setMessage({ tone: "error", text: result.message });
    }
    setValue("version", result.data.version);
    setMessage({ tone: "success", text: "De gegevens zijn opgeslagen." });
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
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
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Bezig met opslaan…" : "Gegevens opslaan"}
      </Button>
    </form>
  );
}
