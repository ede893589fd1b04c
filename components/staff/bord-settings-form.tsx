"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { BordSettings, BordSettingsFormInput } from "@/lib/validation";
import { FormStatus } from "@/components/ui/form-status";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

/** "2500" cents → "25,00" for the input; 0 → "0". */
function euroInput(cents: number): string {
  return cents === 0 ? "0" : (cents / 100).toFixed(2).replace(".", ",");
}

/** The bord settings of a municipality: borden per group, the group's contribution and the condition. */
export function BordSettingsForm({
  municipalityId,
  bordThreshold,
  bordsPerGroup,
  contributionCents,
  condition,
  householdPercent,
  action,
}: {
  municipalityId: string;
  bordThreshold: number;
  bordsPerGroup: number;
  contributionCents: number;
  condition: "addresses" | "household_share";
  householdPercent: number | null;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const { form, onSubmit, message, pending, error, preload } = useActionForm<BordSettingsFormInput, BordSettings>({
    schema: () => import("@/lib/validation/settings").then((m) => m.bordSettingsSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action: (input) => action({ ...(input as object), municipalityId }),
    defaultValues: {
      bordsPerGroup: String(bordsPerGroup),
      contribution: euroInput(contributionCents),
      condition,
      householdPercent: householdPercent === null ? "" : String(householdPercent),
    },
    successMessage: "De instellingen voor borden zijn opgeslagen.",
  });
  const conditionError = error("condition");
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="mt-4 max-w-xl space-y-4" aria-labelledby="borden">
      <FormStatus message={message} />
      <TextField
        id="bordsPerGroup"
        inputMode="numeric"
        label="Aantal borden per groep"
        hint="Zoveel borden kan één groep hooguit aanvragen (1 tot en met 4)."
        error={error("bordsPerGroup")}
        className="max-w-xs"
        {...form.register("bordsPerGroup")}
      />
      <TextField
        id="contribution"
        inputMode="decimal"
        label="Eigen bijdrage per bord, in euro"
        hint="Wat de groep zelf betaalt. Betaalt de gemeente alles? Vul dan 0 in."
        error={error("contribution")}
        className="max-w-xs"
        {...form.register("contribution")}
      />
      <fieldset aria-describedby={conditionError ? "condition-error" : undefined}>
        <legend className="font-semibold">Wanneer kan een groep een bord krijgen?</legend>
        {conditionError ? (
          <p id="condition-error" className="mt-1 font-semibold text-red-700">
            <span aria-hidden="true">⚠ </span>
            {conditionError}
          </p>
        ) : null}
        <div className="mt-2 space-y-2">
          <label className="flex items-start gap-2">
            <input type="radio" value="addresses" className="mt-1 size-5" {...form.register("condition")} />
            <span>Bij een vast aantal adressen: nu {bordThreshold} (de drempel hierboven).</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" value="household_share" className="mt-1 size-5" {...form.register("condition")} />
            <span>
              Bij een deel van de huishoudens in de wijk van de groep. Weten we niet hoeveel adressen de wijk heeft? Dan geldt het vaste aantal.
            </span>
          </label>
        </div>
      </fieldset>
      <TextField
        id="householdPercent"
        inputMode="numeric"
        label="Percentage van de huishoudens in de wijk"
        hint="Alleen nodig bij 'een deel van de huishoudens'. Bijvoorbeeld 10: een wijk met 2.800 adressen heeft dan 280 adressen nodig."
        error={error("householdPercent")}
        className="max-w-xs"
        {...form.register("householdPercent")}
      />
      <Button type="submit" disabled={pending}>{pending ? "Bezig…" : "Sla de instellingen voor borden op"}</Button>
    </form>
  );
}
