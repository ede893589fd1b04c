"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ContactFormInput, ContactInput } from "@/lib/validation/staff";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/field";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

export interface ContactFormValues {
  contactId: string;
  kind: "wijkagent" | "wethouder";
  name: string;
  email: string;
  phone: string;
  areaIds: string[];
}

/** Add or change a wijkagent or wethouder and the wijken they cover. */
export function ContactForm({
  idPrefix,
  values,
  areas,
  municipalityId,
  action,
  deleteAction,
}: {
  idPrefix: string;
  values: ContactFormValues;
  areas: Array<{ id: string; name: string }>;
  municipalityId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  deleteAction?: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [deleting, startDelete] = useTransition();
  const isNew = values.contactId === "";
  const { form, onSubmit, message, pending, error, preload } = useActionForm<ContactFormInput, ContactInput>({
    schema: () => import("@/lib/validation/staff").then((m) => m.contactSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action: (input) => action({ ...(input as object), municipalityId }),
    defaultValues: values,
    successMessage: isNew ? "De contactpersoon is toegevoegd." : "De contactpersoon is opgeslagen.",
    resetOnSuccess: isNew,
  });
  const id = (n: string) => `${idPrefix}-${n}`;
  const areasError = error("areaIds");
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      <FormStatus message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={id("kind")} label="Rol" error={error("kind")} {...form.register("kind")}>
          <option value="wijkagent">Wijkagent</option>
          <option value="wethouder">Wethouder</option>
        </SelectField>
        <TextField id={id("name")} label="Naam" maxLength={120} error={error("name")} {...form.register("name")} />
        <TextField id={id("email")} type="email" label="E-mailadres" hint="Een wijkagent met een account op dit adres ziet de groepen van deze wijken." error={error("email")} {...form.register("email")} />
        <TextField id={id("phone")} type="tel" label="Telefoon (niet verplicht)" error={error("phone")} {...form.register("phone")} />
      </div>
      <fieldset aria-describedby={areasError ? id("areaIds-error") : undefined}>
        <legend className="font-semibold">Wijken</legend>
        {areasError ? (
          <p id={id("areaIds-error")} className="mt-1 font-semibold text-red-700"><span aria-hidden="true">⚠ </span>{areasError}</p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {areas.map((a) => (
            <label key={a.id} className="flex items-center gap-2">
              <input type="checkbox" value={a.id} className="h-5 w-5" {...form.register("areaIds")} />
              {a.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Bezig…" : isNew ? "Voeg contactpersoon toe" : "Sla op"}</Button>
        {deleteAction && !isNew ? (
          <Button
            type="button"
            variant="secondary"
            disabled={deleting}
            onClick={() =>
              startDelete(async () => {
                if (!window.confirm("Wilt u deze contactpersoon verwijderen?")) return;
                await deleteAction({ contactId: values.contactId, municipalityId });
                router.refresh();
              })
            }
          >
            Verwijder
          </Button>
        ) : null}
      </div>
    </form>
  );
}
