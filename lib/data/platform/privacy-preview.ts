/**
 * Before erasing (AVG article 17), for platform admins only (permission "privacy.manage"): what
 * erasing an e-mail address would remove, and the groups that stand in the way.
 */
import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { contacts, groupAdminInvitations, groupAdmins, joinRequests, mailOutbox, staffInvitations } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/types";
import { findFreeTextMentions, personIdentity, type FreeTextMention } from "@/lib/data/internal/privacy-free-text";
import { findUser, refusals, soleAdminGroupsOf } from "@/lib/data/internal/privacy-person";

export interface ErasurePreview {
  account: boolean;
  role: string | null;
  /** Active groups where this person is the only admin: erasing dissolves them, or is refused. */
  soleAdminGroups: Array<{ id: string; name: string }>;
  otherGroups: number;
  joinRequests: number;
  invitations: number;
  contactRoles: number;
  emails: number;
  /** The person's name and phone number in free text: replaced by [verwijderd] (e-mail: deleted). */
  freeTextMentions: FreeTextMention[];
}

/** What erasing `email` would remove, and which groups have this person as their only admin. */
export async function previewErasure(actor: Actor | null, email: string): Promise<ErasurePreview> {
  requirePermission(actor, "privacy.manage");
  const admin = actor;
  const user = await findUser(db, email);
  await refusals(db, admin, email, user?.id ?? null);
  const sole = user ? await soleAdminGroupsOf(db, user.id) : [];
  const [adminOf] = user ? await db.select({ n: count() }).from(groupAdmins).where(eq(groupAdmins.userId, user.id)) : [{ n: 0 }];
  const [requests] = await db.select({ n: count() }).from(joinRequests).where(sql`lower(${joinRequests.email}) = ${email}`);
  const [invites] = await db.select({ n: count() }).from(groupAdminInvitations).where(sql`lower(${groupAdminInvitations.email}) = ${email}`);
  const [staffInvites] = await db.select({ n: count() }).from(staffInvitations).where(sql`lower(${staffInvitations.email}) = ${email}`);
  const [contactCount] = await db.select({ n: count() }).from(contacts).where(sql`lower(${contacts.email}) = ${email}`);
  const [mails] = await db.select({ n: count() }).from(mailOutbox).where(sql`lower(${mailOutbox.toAddress}) = ${email}`);
  return {
    account: user !== null,
    role: user?.role ?? null,
    soleAdminGroups: sole.map((g) => ({ id: g.id, name: g.name })),
    otherGroups: (adminOf?.n ?? 0) - sole.length,
    joinRequests: requests?.n ?? 0,
    invitations: (invites?.n ?? 0) + (staffInvites?.n ?? 0),
    contactRoles: contactCount?.n ?? 0,
    emails: mails?.n ?? 0,
    freeTextMentions: await findFreeTextMentions(db, await personIdentity(db, email)),
  };
}
