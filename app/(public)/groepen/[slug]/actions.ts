"use server";

import { readJoinForm, type JoinFormState } from "@/components/public/join-form-state";
import { formDataOrEmpty, publicAction } from "@/lib/actions";
import { joinSubmissionSchema, submitJoinRequest } from "@/lib/data/join";
import { calendarDateIn } from "@/lib/domain";

/**
 * The join form on /groepen/[slug]: posted by the browser as a normal form without JavaScript,
 * or with FormData from the client component after its own check. Both go through
 * publicAction with joinRequestSchema(today) (plus the group's slug and the honeypot).
 */
export async function joinGroupAction(_previous: JoinFormState, formData: FormData): Promise<JoinFormState> {
  const { input, values } = readJoinForm(formDataOrEmpty(formData));
  const today = calendarDateIn(new Date());
  const submit = publicAction("join_request.submit", joinSubmissionSchema(today), (data, context) =>
    submitJoinRequest(data, context),
  );
  const result = await submit(input);
  if (result.ok) return { status: "sent", groupName: result.data.groupName };
  return { status: "error", message: result.message, fieldErrors: result.fieldErrors ?? {}, values };
}
