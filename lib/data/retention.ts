import "server-only";
import { and, isNotNull, isNull, lte, ne } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { joinRequests } from "@/db/schema";

/**
 * Removes the contact details of handled join requests whose retention has passed
 * (purge_after <= now): name, e-mail, phone, birth date, address and reason become null and
 * purged_at is set. The request itself (group, status, dates) stays as an anonymous record.
 * Returns how many requests were purged.
 */
export async function purgeHandledJoinRequests(now: Date, executor: Executor = db): Promise<number> {
  const purged = await executor
    .update(joinRequests)
    .set({
      name: null,
      email: null,
      phone: null,
      birthDate: null,
      postcode: null,
      houseNumber: null,
      addition: null,
      declineReason: null,
      purgedAt: now,
    })
    .where(
      and(
        ne(joinRequests.status, "open"),
        isNotNull(joinRequests.purgeAfter),
        lte(joinRequests.purgeAfter, now),
        isNull(joinRequests.purgedAt),
      ),
    )
    .returning({ id: joinRequests.id });
  return purged.length;
}
