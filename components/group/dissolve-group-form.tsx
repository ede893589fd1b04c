"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DissolveGroupFormInput } from "@/lib/validation/group";
import { routes } from "@/lib/routes";

export function DissolveGroupForm({
  groupId,
  groupName,
  action,
}: {
  groupId: string;
  groupName: string;
  action: (input: DissolveGroupFormInput & { groupId: string }) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const { form, onSubmit, message, pending, preload } = useActionForm<DissolveGroupFormInput>({
    schema: () => import("@/lib/validation/group").then((m) => m.dissolveGroupSchema),
    defaultValues: { confirmName: "" },
    action: (values) => action({ ...values, groupId }),
    onSuccess: () => router.push(`${routes.myGroups.list}?opgeheven=1`),
  });
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message.text} /> : null}
      <TextField
        id="dissolve-name"
        label={`Typ de naam van de groep om te bevestigen: ${groupName}`}
        autoComplete="off"
        maxLength={200}
        error={form.formState.errors.confirmName?.message}
        {...form.register("confirmName")}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        Groep definitief opheffen
      </Button>
    </form>
  );
}
