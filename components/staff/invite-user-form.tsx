"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { InviteUserFormInput, InviteUserInput } from "@/lib/validation/staff";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/field";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

export function InviteUserForm({
  municipalities,
  action,
}: {
  /** Platform admins choose; for staff the list has only their own municipality. */
  municipalities: Array<{ id: string; name: string }>;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const { form, onSubmit, message, pending, error, preload } = useActionForm<InviteUserFormInput, InviteUserInput>({
    schema: () => import("@/lib/validation/staff").then((m) => m.inviteUserSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action,
    defaultValues: { name: "", email: "", role: "staff", municipalityId: municipalities[0]?.id ?? "" },
    successMessage: "Uitnodiging verstuurd. De persoon krijgt een e-mail met een link en krijgt de rol pas na het aannemen.",
    resetOnSuccess: true,
  });
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="mt-4 max-w-2xl space-y-4">
      <FormStatus message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="invite-name" label="Naam" maxLength={120} error={error("name")} {...form.register("name")} />
        <TextField id="invite-email" type="email" label="E-mailadres" error={error("email")} {...form.register("email")} />
        <SelectField id="invite-role" label="Rol" error={error("role")} {...form.register("role")}>
          <option value="staff">Medewerker (team Veiligheid)</option>
          <option value="wijkagent">Wijkagent</option>
        </SelectField>
        {municipalities.length > 1 ? (
          <SelectField id="invite-municipality" label="Gemeente" error={error("municipalityId")} {...form.register("municipalityId")}>
            {municipalities.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </SelectField>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Bezig…" : "Stuur uitnodiging"}</Button>
    </form>
  );
}
