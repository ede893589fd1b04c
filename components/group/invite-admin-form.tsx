"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { coAdminInviteSchema, type CoAdminInvite, type CoAdminInviteFormInput } from "@/lib/validation";

export function InviteAdminForm({
  groupId,
  action,
}: {
  groupId: string;
  action: (input: CoAdminInviteFormInput & { groupId: string }) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<CoAdminInviteFormInput, unknown, CoAdminInvite>({ resolver: zodResolver(coAdminInviteSchema), defaultValues: { email: "" } });
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const email = form.getValues("email");
    const result = await action({ email, groupId }).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      return setMessage({ tone: "error", text: result.message });
    }
    form.reset({ email: "" });
    setMessage({ tone: "success", text: `De uitnodiging is verstuurd naar ${email.trim().toLowerCase()}.` });
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
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
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Uitnodiging versturen
      </Button>
    </form>
  );
}
