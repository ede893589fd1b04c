"use client";

import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CoAdminInvite, CoAdminInviteFormInput } from "@/lib/validation/group";

export function InviteAdminForm({
  groupId,
  action,
}: {
  groupId: string;
  action: (input: CoAdminInviteFormInput & { groupId: string }) => Promise<ActionResult<unknown>>;
}) {
  const { form, onSubmit, message, pending, preload } = useActionForm<CoAdminInviteFormInput, CoAdminInvite>({
    schema: () => import("@/lib/validation/group").then((m) => m.coAdminInviteSchema),
    defaultValues: { email: "" },
    action: (values) => action({ email: values.email, groupId }),
    onSuccess: (_data, invite) => ({ tone: "success", text: `De uitnodiging is verstuurd naar ${invite.email}.` }),
    resetOnSuccess: true,
  });
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-3">
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      <TextField
        id="invite-email"
        label="E-mailadres van de nieuwe beheerder"
        hint="Deze persoon krijgt een e-mail met een link. Die werkt 14 dagen."
        type="email"
        maxLength={300}
        error={form.formState.errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" disabled={pending}>
        Uitnodiging versturen
      </Button>
    </form>
  );
}
