"use server";

import { readJoinForm } from "@/components/public/join-form-read";
import { HONEYPOT_FIELD, type JoinFormState } from "@/components/public/join-form-state";
import { formValues, type BordFormState } from "@/components/bords/form-state";
import { formDataOrEmpty, publicAction } from "@/lib/actions";
import { joinSubmissionSchema } from "@/lib/validation";
import { submitJoinRequest } from "@/lib/data/public/join";
import { bordReportSubmissionSchema } from "@/lib/validation/bords";
import { submitBordReport } from "@/lib/data/public/bord-reports";
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

/**
 * "Bord kapot of weg?" on /groepen/[slug]: works as a normal form post without JavaScript.
 * Anyone may report; the rate limit per IP and the honeypot (field "website") keep bots out.
 */
export async function reportBordAction(_previous: BordFormState, formData: FormData): Promise<BordFormState> {
  const form = formDataOrEmpty(formData);
  const values = formValues(form, ["bordId", "kind", "description"]);
  const submit = publicAction("sign_report.submit", bordReportSubmissionSchema, (data, context) =>
    submitBordReport(data, { ip: context.ip, now: new Date() }),
  );
  const result = await submit({ ...values, honeypot: form.get(HONEYPOT_FIELD) ?? undefined });
  if (result.ok) return { status: "sent", message: "Dank u wel. De gemeente heeft uw melding ontvangen en kijkt ernaar." };
  return { status: "error", ok: false, code: result.code, message: result.message, fieldErrors: result.fieldErrors ?? {}, values };
}
