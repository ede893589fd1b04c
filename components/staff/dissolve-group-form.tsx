"use client";

import { Button } from "@/components/ui/button";
import type { DissolveGroupFormInput, DissolveGroupInput } from "@/lib/validation/staff";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/field";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

/** Dissolving a group on request: a reason and an explicit confirmation. */
export function DissolveGroupForm({ groupId, version, action }: { groupId: string; version: number; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const { form, onSubmit, message, pending, error, preload } = useActionForm<DissolveGroupFormInput, DissolveGroupInput>({
    schema: () => import("@/lib/validation/staff").then((m) => m.dissolveGroupSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action,
    defaultValues: { groupId, version, reason: "", confirm: false },
    successMessage: "De groep is opgeheven.",
  });
  const confirmError = error("confirm");
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="mt-3 max-w-xl space-y-4">
      <FormStatus message={message} />
      <TextAreaField id="reason" rows={4} label="Waarom wordt de groep opgeheven?" hint="Bijvoorbeeld: op verzoek van de beheerder, de groep is gestopt." error={error("reason")} {...form.register("reason")} />
      <div>
        <div className="flex items-start gap-2">
          <input
            id="confirm"
            type="checkbox"
            className="mt-1 h-5 w-5"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "confirm-error" : undefined}
            {...form.register("confirm")}
          />
          <label htmlFor="confirm">Ik weet dat de groep dan niet meer te vinden is voor bewoners.</label>
        </div>
        {confirmError ? (
          <p id="confirm-error" className="mt-1 font-semibold text-red-700">
            <span aria-hidden="true">⚠ </span>
            {confirmError}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Bezig…" : "Hef de groep op"}
      </Button>
    </form>
  );
}
