"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { StaffSettings, StaffSettingsFormInput } from "@/lib/validation";
import { FormStatus } from "@/components/ui/form-status";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

export function SettingsForm({
  municipalityId,
  bordThreshold,
  safetyEmail,
  action,
}: {
  municipalityId: string;
  bordThreshold: number;
  safetyEmail: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const { form, onSubmit, message, pending, error, preload } = useActionForm<StaffSettingsFormInput, StaffSettings>({
    schema: () => import("@/lib/validation/settings").then((m) => m.staffSettingsSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action: (input) => action({ ...(input as object), municipalityId }),
    defaultValues: { bordThreshold: String(bordThreshold), safetyEmail },
    successMessage: "De instellingen zijn opgeslagen.",
  });
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="mt-6 max-w-xl space-y-4">
      <FormStatus message={message} />
      <TextField
        id="bordThreshold"
        inputMode="numeric"
        label="Drempel voor een bord"
        hint="Zoveel verschillende adressen in de gemeente heeft een groep nodig voor een buurtpreventiebord."
        error={error("bordThreshold")}
        className="max-w-xs"
        {...form.register("bordThreshold")}
      />
      <TextField
        id="safetyEmail"
        type="email"
        label="E-mailadres van team Veiligheid"
        hint="Nieuwe bordaanvragen komen op dit adres binnen."
        error={error("safetyEmail")}
        {...form.register("safetyEmail")}
      />
      <Button type="submit" disabled={pending}>{pending ? "Bezig…" : "Sla op"}</Button>
    </form>
  );
}
