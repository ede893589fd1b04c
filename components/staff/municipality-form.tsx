"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { routes } from "@/lib/routes";
import { DUTCH_TIME_ZONE } from "@/lib/domain/dates";
import type { MunicipalityFormInput, MunicipalityInput } from "@/lib/validation/municipality";
import { FormStatus } from "@/components/ui/form-status";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

/** Adding a municipality (no `municipalityId`) or editing one. */
export function MunicipalityForm({
  municipalityId,
  values,
  action,
}: {
  municipalityId?: string;
  values?: { code: string; name: string; bordThreshold: number; safetyEmail: string };
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const adding = municipalityId === undefined;
  const prefix = adding ? "new-municipality" : "municipality";
  const { form, onSubmit, message, pending, error, preload } = useActionForm<MunicipalityFormInput, MunicipalityInput>({
    schema: () => import("@/lib/validation/municipality").then((m) => m.municipalitySchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action: async (input) => {
      const result = await action(adding ? input : { ...(input as object), municipalityId });
      if (adding && result.ok) router.push(routes.staff.municipality((result.data as { id: string }).id));
      return result;
    },
    defaultValues: {
      code: values?.code ?? "",
      name: values?.name ?? "",
      bordThreshold: String(values?.bordThreshold ?? 50),
      safetyEmail: values?.safetyEmail ?? "",
    },
    successMessage: adding ? "De gemeente is toegevoegd." : "De gegevens van de gemeente zijn opgeslagen.",
  });
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="mt-4 max-w-2xl space-y-4">
      <FormStatus message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${prefix}-code`}
          label="CBS-code"
          hint="GM met vier cijfers, zoals GM0542."
          autoComplete="off"
          maxLength={12}
          error={error("code")}
          {...form.register("code")}
        />
        <TextField id={`${prefix}-name`} label="Naam" maxLength={80} error={error("name")} {...form.register("name")} />
        <TextField
          id={`${prefix}-bordThreshold`}
          inputMode="numeric"
          label="Drempel voor een bord"
          hint="Zoveel verschillende adressen heeft een groep nodig voor een bord."
          error={error("bordThreshold")}
          {...form.register("bordThreshold")}
        />
        <TextField
          id={`${prefix}-safetyEmail`}
          type="email"
          label="E-mailadres van team Veiligheid"
          hint="Nieuwe bordaanvragen komen op dit adres binnen."
          error={error("safetyEmail")}
          {...form.register("safetyEmail")}
        />
      </div>
      <p>
        Tijdzone: <strong>{DUTCH_TIME_ZONE}</strong> (Nederlandse tijd; niet te wijzigen).
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig…" : adding ? "Voeg gemeente toe" : "Sla op"}
      </Button>
    </form>
  );
}
