"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions";
import { retryDeadMail } from "@/lib/data/platform/mail";
import { routes } from "@/lib/routes";
import { ACTION_LIMITS, limitAction } from "@/lib/server/action-limits";

const retry = signedInAction(
  "mailbox.dead_letters",
  z.object({ id: z.coerce.number({ error: "Onbekend bericht." }).int().positive().max(Number.MAX_SAFE_INTEGER) }),
  async (input, { user, ip }) => {
    await limitAction(ACTION_LIMITS.retryMail, { user, ip });
    await retryDeadMail(user, input.id);
  },
);

/** "Opnieuw versturen" for one undelivered e-mail. */
export async function retryDeadMailAction(formData: FormData): Promise<void> {
  await retry(formData);
  revalidatePath(routes.staff.mail);
}
