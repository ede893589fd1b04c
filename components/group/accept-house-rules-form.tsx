"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptHouseRulesSchema, type AcceptHouseRulesFormInput } from "@/lib/validation";

/** A group admin accepts the current version of the house rules, then goes on to `next`. */
export function AcceptHouseRulesForm({
  next,
  action,
}: {
  next: string;
  action: (input: AcceptHouseRulesFormInput) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<AcceptHouseRulesFormInput>({ resolver: zodResolver(acceptHouseRulesSchema), defaultValues: { acceptHouseRules: false } });
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await action(form.getValues()).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      return setMessage(result.message);
    }
    router.push(next);
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message} /> : null}
      <CheckboxField
        id="rules-accept"
        label="Ik heb de huisregels gelezen en ik houd me eraan."
        error={form.formState.errors.acceptHouseRules?.message}
        {...form.register("acceptHouseRules")}
      />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Akkoord, ga verder
      </Button>
    </form>
  );
}
