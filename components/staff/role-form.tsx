"use client";

import { Button } from "@/components/ui/button";
import type { ChangeUserRoleFormInput, ChangeUserRoleInput } from "@/lib/validation/staff";
import { FormStatus } from "@/components/ui/form-status";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

/** Change or remove the role of one account (counts from that person's next page view). */
export function RoleForm({
  userId,
  role,
  label,
  action,
}: {
  userId: string;
  role: "staff" | "wijkagent";
  label: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const { form, onSubmit, message, pending, preload } = useActionForm<ChangeUserRoleFormInput, ChangeUserRoleInput>({
    schema: () => import("@/lib/validation/staff").then((m) => m.changeUserRoleSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action,
    defaultValues: { userId, role },
    successMessage: "De rol is gewijzigd.",
  });
  const id = `role-${userId}`;
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="sr-only">Rol van {label}</label>
        <select id={id} className="rounded border-2 border-slate-600 bg-white px-2 py-2" {...form.register("role")}>
          <option value="staff">Medewerker</option>
          <option value="wijkagent">Wijkagent</option>
          <option value="none">Geen rol (verwijderen)</option>
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="min-h-10 px-3 py-1">
        Wijzig<span className="sr-only"> rol van {label}</span>
      </Button>
      <div className="basis-full"><FormStatus message={message} /></div>
    </form>
  );
}
