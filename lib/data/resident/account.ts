/**
 * A group admin's own details: name, phone and address, read and changed by the
 * admin themself (/mijn-groepen/gegevens). The e-mail address (the sign-in) and the date of
 * birth (checked once for 18+) are not changed here. The group forms never overwrite these
 * details (lib/data/internal/identity.ts); this is the one place to change them.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { formatPhoneNl, formatPostcode } from "@/lib/domain";
import { notFound } from "@/lib/errors";
import type { OwnDetails } from "@/lib/validation";

export interface OwnDetailsView {
  name: string;
  email: string;
  phone: string;
  postcode: string;
  houseNumber: string;
  addition: string;
}

/** The actor's own details, to fill in the form. */
export async function getOwnDetails(actor: Actor): Promise<OwnDetailsView> {
  requirePermission(actor, "group.manage");
  const [row] = await db
    .select({ name: users.name, email: users.email, phone: users.phone, postcode: users.postcode, houseNumber: users.houseNumber, addition: users.addition })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row) throw notFound();
  return {
    name: row.name ?? "",
    email: row.email,
    phone: formatPhoneNl(row.phone),
    postcode: row.postcode ? formatPostcode(row.postcode) : "",
    houseNumber: row.houseNumber ? String(row.houseNumber) : "",
    addition: row.addition ?? "",
  };
}

/** Saves the actor's own name, phone and address; the audit log says which fields changed (not their values). */
export async function updateOwnDetails(actor: Actor, input: OwnDetails): Promise<{ changed: string[] }> {
  requirePermission(actor, "group.manage");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: users.name, phone: users.phone, postcode: users.postcode, houseNumber: users.houseNumber, addition: users.addition })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("update");
    if (!before) throw notFound();
    const changed = [
      before.name !== input.name ? "name" : null,
      before.phone !== input.phone ? "phone" : null,
      before.postcode !== input.address.postcode || before.houseNumber !== input.address.houseNumber || (before.addition ?? "") !== input.address.addition ? "address" : null,
    ].filter((f): f is string => f !== null);
    if (changed.length === 0) return { changed };
    await tx
      .update(users)
      .set({ name: input.name, phone: input.phone, postcode: input.address.postcode, houseNumber: input.address.houseNumber, addition: input.address.addition })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, { actorUserId: actor.id, action: "account.update_details", subjectType: "user", subjectId: actor.id, details: { fields: changed } });
    return { changed };
  });
}
