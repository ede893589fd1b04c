"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AcceptHouseRulesFormInput } from "@/lib/validation/group";

/** A group admin accepts the current version of the house rules, then goes on to `next`. */
export function AcceptHouseRulesForm({
  next,
  action,
}: {
  next: string;
  action: (input: AcceptHouseRulesFormInput) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const { form, onSubmit, message, pending, preload } = useActionForm<AcceptHouseRulesFormInput>({
    schema: () => import("@/lib/validation/group").then((m) => m.acceptHouseRulesSchema),
    defaultValues: { acceptHouseRules: false },
    action,
    onSuccess: () => {
      router.push(next);
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message.text} /> : null}
      <CheckboxField
        id="rules-accept"
        label="Ik heb de huisregels gelezen en ik houd me eraan."
        error={form.formState.errors.acceptHouseRules?.message}
        {...form.register("acceptHouseRules")}
      />
      <Button type="submit" disabled={pending}>
        Akkoord, ga verder
      </Button>
    </form>
  );
}
