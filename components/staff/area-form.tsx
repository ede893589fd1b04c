"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { AreaFormInput, AreaInput } from "@/lib/validation/staff";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/field";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

export interface AreaFormValues {
  areaId: string;
  name: string;
  code: string;
  postcodes: string;
  totalAddresses: string;
}

/** Add or change a wijk: name, CBS code, postcodes, number of addresses. */
export function AreaForm({
  idPrefix,
  values,
  municipalityId,
  action,
}: {
  idPrefix: string;
  values: AreaFormValues;
  municipalityId: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const isNew = values.areaId === "";
  const { form, onSubmit, message, pending, error, preload } = useActionForm<AreaFormInput, AreaInput>({
    schema: () => import("@/lib/validation/staff").then((m) => m.areaSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action: (input) => action({ ...(input as object), municipalityId }),
    defaultValues: values,
    successMessage: isNew ? "De wijk is toegevoegd." : "De wijk is opgeslagen.",
    resetOnSuccess: isNew,
  });
  const id = (n: string) => `${idPrefix}-${n}`;
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      <FormStatus message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={id("name")} label="Naam" maxLength={100} error={error("name")} {...form.register("name")} />
        <TextField id={id("code")} label="CBS-wijkcode" hint="WK met zes cijfers, zoals WK054201." maxLength={20} error={error("code")} {...form.register("code")} />
      </div>
      <TextAreaField
        id={id("postcodes")}
        label="Postcodes"
        hint="Vier cijfers voor een heel postcodegebied (2921) of een hele postcode (2921 AB). Scheid ze met komma's of nieuwe regels."
        rows={2}
        error={error("postcodes")}
        {...form.register("postcodes")}
      />
      <TextField
        id={id("totalAddresses")}
        inputMode="numeric"
        label="Aantal adressen in de wijk (niet verplicht)"
        hint="Voor het dekkingspercentage."
        className="max-w-xs"
        error={error("totalAddresses")}
        {...form.register("totalAddresses")}
      />
      <Button type="submit" disabled={pending}>{pending ? "Bezig…" : isNew ? "Voeg wijk toe" : "Sla wijk op"}</Button>
    </form>
  );
}
