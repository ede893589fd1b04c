/**
 * Creating an invitation to a staff or wijkagent role (the row and its e-mail), for lib/data
 * only: it takes no actor of its own; inviteUser (lib/data/staff/users.ts) has checked the
 * permission "users.manage" and the municipality.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { staffInvitations } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { userInvitedMail } from "@/lib/mail/templates/user-invited";
import { routes } from "@/lib/routes";
import { MANAGED_ROLE_LABELS, type ManagedRole } from "@/lib/validation/staff";

export const STAFF_INVITATION_VALID_DAYS = 14;

export function hashStaffInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
const hashToken = hashStaffInvitationToken;

/**
 * Records the invitation and queues its e-mail, inside the caller's transaction (the caller
 * checked that the actor may invite into `municipality`). Looks at no account. An open
 * invitation for the same address and municipality is replaced (its link stops working).
 */
export async function createStaffInvitation(
  tx: Executor,
  input: {
    municipality: { id: string; name: string };
    email: string;
    name: string | null;
    role: ManagedRole;
    invitedByUserId: string;
    now: Date;
  },
): Promise<{ invitationId: string }> {
  const email = input.email.trim().toLowerCase();
  const token = randomBytes(32).toString("base64url");
  await tx
    .delete(staffInvitations)
    .where(
      and(
        eq(staffInvitations.municipalityId, input.municipality.id),
        sql`lower(${staffInvitations.email}) = ${email}`,
        isNull(staffInvitations.acceptedAt),
      ),
    );
  const [row] = await tx
    .insert(staffInvitations)
    .values({
      municipalityId: input.municipality.id,
      email,
      name: input.name,
      role: input.role,
      tokenHash: hashToken(token),
      invitedByUserId: input.invitedByUserId,
      expiresAt: new Date(input.now.getTime() + STAFF_INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000),
    })
    .returning({ id: staffInvitations.id });
  await enqueueMail(tx, {
    idempotencyKey: `user-invited:${row.id}`,
    kind: "user_invited",
    to: email,
    ...userInvitedMail({
      recipientName: input.name,
      roleLabel: MANAGED_ROLE_LABELS[input.role],
      municipalityName: input.municipality.name,
      url: `${getEnv().appUrl}${routes.staffInvitation(token)}`,
      validDays: STAFF_INVITATION_VALID_DAYS,
    }),
  });
  return { invitationId: row.id };
}
