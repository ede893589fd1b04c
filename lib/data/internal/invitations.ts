/**
 * Creating a co-admin invitation (the row and its e-mail), for lib/data only: it takes no actor
 * of its own. Its callers (registerGroup, inviteCoAdmin) have checked the permission and that
 * the actor administers the group.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { groupAdminInvitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { ADMIN_INVITATION_KIND, adminInvitationMail } from "@/lib/mail/templates/admin-invitation";
import { routes } from "@/lib/routes";

/** How long an invitation link works. */
export const INVITATION_VALID_DAYS = 14;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates an invitation for `email` to become co-admin of the group and queues the e-mail with
 * the link `/uitnodiging/<token>`. Only the SHA-256 of the token is stored. An open invitation
 * for the same address is replaced (the old link stops working). Runs inside the caller's
 * transaction; the caller has checked that the actor administers the group.
 */
export async function createInvitation(
  tx: Executor,
  input: { groupId: string; groupName: string; email: string; invitedBy: Pick<Actor, "id" | "name" | "email">; now: Date },
): Promise<{ invitationId: string }> {
  const email = input.email.toLowerCase();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
  await tx
    .delete(groupAdminInvitations)
    .where(
      and(
        eq(groupAdminInvitations.groupId, input.groupId),
        sql`lower(${groupAdminInvitations.email}) = ${email}`,
        isNull(groupAdminInvitations.acceptedAt),
      ),
    );
  const [row] = await tx
    .insert(groupAdminInvitations)
    .values({ groupId: input.groupId, email, tokenHash: hashInvitationToken(token), invitedByUserId: input.invitedBy.id, expiresAt })
    .returning({ id: groupAdminInvitations.id });
  const mail = adminInvitationMail({
    groupName: input.groupName,
    invitedByName: input.invitedBy.name ?? input.invitedBy.email,
    url: `${getEnv().appUrl}${routes.invitation(token)}`,
    validDays: INVITATION_VALID_DAYS,
  });
  await enqueueMail(tx, { idempotencyKey: `admin-invitation:${row.id}`, kind: ADMIN_INVITATION_KIND, to: email, ...mail });
  return { invitationId: row.id };
}
