"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/components/ui/action-result";
import { useActionForm } from "@/components/ui/use-action-form";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AcceptStaffInvitationFormInput, AcceptStaffInvitationInput } from "@/lib/validation/staff";

/** Accepting an invitation to a staff or wijkagent role; a group admin first says yes to stepping down. */
export function AcceptStaffInvitationForm({
  token,
  groupsToLeave,
  action,
}: {
  token: string;
  groupsToLeave: string[];
  action: (input: AcceptStaffInvitationFormInput) => Promise<ActionResult<{ home: string }>>;
}) {
  const router = useRouter();
  const { form, onSubmit, message, pending, preload } = useActionForm<AcceptStaffInvitationFormInput, AcceptStaffInvitationInput, { home: string }>({
    schema: () => import("@/lib/validation/staff").then((m) => m.acceptStaffInvitationSchema),
    defaultValues: { token, leaveGroups: false },
    action,
    knownFields: (name) => name === "leaveGroups",
    onSuccess: (data) => router.push(data.home),
  });
  const error = form.formState.errors.leaveGroups?.message;
  return (
    <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message.text} /> : null}
      {groupsToLeave.length > 0 ? (
        <CheckboxField
          id="accept-leave-groups"
          label={`Ik stop als beheerder van: ${groupsToLeave.join(", ")}. De andere beheerders gaan door.`}
          error={error}
          {...form.register("leaveGroups")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Bezig…" : "Neem de uitnodiging aan"}
      </Button>
    </form>
  );
}
