/**
 * The e-mails a staff decision on a bord request sends, and to whom: the group's admins, and on
 * approval also the wijkagent(s) of the group's wijk and the wethouder(s). Called by
 * lib/data/staff/bord-request-decision.ts inside its transaction, after its permission check.
 */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { contactAreas, contacts, groupAdmins, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import type { OutgoingMail } from "@/lib/mail/outbox";
import { bordApprovedMail } from "@/lib/mail/templates/bord-approved";
import { bordPlacedMail } from "@/lib/mail/templates/bord-placed";
import { bordRejectedMail } from "@/lib/mail/templates/bord-rejected";
import { routes } from "@/lib/routes";
import type { BordDecision } from "@/lib/validation/staff";

export interface DecidedRequest {
  id: string;
  bordCount: number;
  street: string;
  groupId: string;
  groupName: string;
  groupSlug: string;
  areaId: string;
  areaName: string;
  municipalityId: string;
}

export async function decisionMails(tx: Executor, decision: BordDecision, request: DecidedRequest): Promise<OutgoingMail[]> {
  if (decision.action === "review") return [];
  const appUrl = getEnv().appUrl;
  const admins = await tx
    .select({ name: users.name, email: users.email })
    .from(groupAdmins)
    .innerJoin(users, eq(users.id, groupAdmins.userId))
    .where(and(eq(groupAdmins.groupId, request.groupId), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.email));
  const bordUrl = `${appUrl}${routes.myGroups.bord(request.groupId)}`;
  const groupUrl = `${appUrl}${routes.myGroups.group(request.groupId)}`;
  const key = (kind: string, email: string) => `${kind}:${request.id}:${email.toLowerCase()}`;

  if (decision.action === "reject") {
    return admins.map((a) => ({
      idempotencyKey: key("bord-rejected", a.email),
      kind: "bord_rejected",
      to: a.email,
      ...bordRejectedMail({ recipientName: a.name, groupName: request.groupName, reason: decision.note, url: bordUrl }),
    }));
  }
  if (decision.action === "place") {
    return admins.map((a) => ({
      idempotencyKey: key("bord-placed", a.email),
      kind: "bord_placed",
      to: a.email,
      ...bordPlacedMail({
        recipientName: a.name,
        groupName: request.groupName,
        placedOn: decision.placedOn!,
        placedLocation: decision.placedLocation!,
        placedCount: decision.placedCount!,
        url: groupUrl,
      }),
    }));
  }

  // approve: the admins, the wijkagent(s) of the group's wijk and the wethouder(s).
  const areaContacts = await tx
    .selectDistinct({ kind: contacts.kind, name: contacts.name, email: contacts.email })
    .from(contacts)
    .innerJoin(contactAreas, eq(contactAreas.contactId, contacts.id))
    .where(and(eq(contacts.municipalityId, request.municipalityId), eq(contactAreas.areaId, request.areaId)));
  let wethouders = areaContacts.filter((c) => c.kind === "wethouder");
  if (wethouders.length === 0) {
    // No wethouder for this wijk: every wethouder of the municipality hears of it.
    wethouders = await tx
      .select({ kind: contacts.kind, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.municipalityId, request.municipalityId), eq(contacts.kind, "wethouder")));
  }
  const base = { groupName: request.groupName, areaName: request.areaName, bordCount: request.bordCount, street: request.street };
  const seen = new Set<string>();
  const out: OutgoingMail[] = [];
  const push = (audience: "group_admin" | "wijkagent" | "wethouder", name: string | null, email: string, url: string) => {
    const address = email.toLowerCase();
    if (seen.has(address)) return;
    seen.add(address);
    out.push({
      idempotencyKey: key("bord-approved", address),
      kind: "bord_approved",
      to: address,
      ...bordApprovedMail({ ...base, audience, recipientName: name, url }),
    });
  };
  for (const a of admins) push("group_admin", a.name, a.email, bordUrl);
  for (const c of areaContacts.filter((c) => c.kind === "wijkagent")) {
    push("wijkagent", c.name, c.email, `${appUrl}${routes.wijkagent.group(request.groupId)}`);
  }
  for (const c of wethouders) push("wethouder", c.name, c.email, `${appUrl}${routes.group(request.groupSlug)}`);
  return out;
}
