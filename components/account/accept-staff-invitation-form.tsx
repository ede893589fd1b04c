"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyFieldErrors, NETWORK_FAILURE, type ActionResult } from "@/components/ui/action-result";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  acceptStaffInvitationSchema,
  type AcceptStaffInvitationFormInput,
  type AcceptStaffInvitationInput,
} from "@/lib/validation/staff";

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
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<AcceptStaffInvitationFormInput, unknown, AcceptStaffInvitationInput>({
    resolver: zodResolver(acceptStaffInvitationSchema),
    defaultValues: { token, leaveGroups: false },
  });
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await action(form.getValues()).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors, (name) => name === "leaveGroups");
      return setMessage(result.message);
    }
    router.push(result.data.home);
  });
  const error = form.formState.errors.leaveGroups?.message;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message ? <FormMessage tone="error" title={message} /> : null}
      {groupsToLeave.length > 0 ? (
        <CheckboxField
          id="accept-leave-groups"
          label={`Ik stop als beheerder van: ${groupsToLeave.join(", ")}. De andere beheerders gaan door.`}
          error={error}
          {...form.register("leaveGroups")}
        />
      ) : null}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Bezig…" : "Neem de uitnodiging aan"}
      </Button>
    </form>
  );
}
