"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { dissolveGroupSchema, type DissolveGroupFormInput } from "@/lib/validation";
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
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<DissolveGroupFormInput>({ resolver: zodResolver(dissolveGroupSchema), defaultValues: { confirmName: "" } });
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await action({ ...form.getValues(), groupId }).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      return setMessage(result.message);
    }
    router.push(`${routes.myGroups.list}?opgeheven=1`);
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message} /> : null}
      <TextField
        id="dissolve-name"
        label={`Typ de naam van de groep om te bevestigen: ${groupName}`}
        autoComplete="off"
        maxLength={200}
        error={form.formState.errors.confirmName?.message}
        {...form.register("confirmName")}
      />
      <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
        Groep definitief opheffen
      </Button>
    </form>
  );
}
