/**
 * A resident asking to join a group (aanmelding), from the public form on /groepen/[slug].
 *
 * The input is already parsed with joinSubmissionSchema(today) from lib/validation (18+, Dutch
 * address, house rules).
 * Here: the group must be active (else not_found), a filled honeypot answers as if it worked
 * and stores nothing, the rate limits hold (per IP and per e-mail per group, in the database),
 * the address is verified when an address service is configured, and then one transaction
 * stores the request and queues one e-mail per admin plus a confirmation to the resident.
 * A second request from the same e-mail address while one is still open changes nothing and
 * answers the same, so the answer never tells whether someone had asked before.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { groupAdmins, groups, joinRequests, municipalities, users } from "@/db/schema";
import type { AddressLookup } from "@/lib/address";
import { addressLookup } from "@/lib/data/internal/address-placement";
import { recordAudit } from "@/lib/audit";
import { addressVerdict } from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { enqueueMail, type OutgoingMail } from "@/lib/mail/outbox";
import {
  joinRequestAdminMail,
  joinRequestConfirmationMail,
  joinRequestWithoutAdminMail,
  type JoinRequestMailResident,
} from "@/lib/mail/templates/join-request";
import { consumeRateLimit, emailRateLimitKey, ipRateLimitKey, type RateLimitRule } from "@/lib/server/rate-limit";
import type { JoinRequestSubmission } from "@/lib/validation";
import { isPlausibleSlug } from "./groups";
import { recordHouseRulesAcceptance } from "@/lib/data/internal/house-rules";

export interface JoinRequestContext {
  /** The client's IP address, for the rate limit. */
  ip: string;
  now: Date;
  /** Address verification; by default the configured PDOK lookup (or none). */
  addressLookup?: AddressLookup;
}

/** The same answer for a new request, a repeated one and a honeypot hit. */
export interface JoinRequestReceipt {
  groupName: string;
}

export const JOIN_IP_LIMIT: RateLimitRule = {
  name: "join_ip",
  points: 5,
  durationSeconds: 60 * 60,
  message: "Er zijn vanaf uw internetverbinding veel aanmeldingen verstuurd. Probeer het over een uur opnieuw.",
};

export const JOIN_EMAIL_LIMIT: RateLimitRule = {
  name: "join_email",
  points: 3,
  durationSeconds: 24 * 60 * 60,
  message: "Met dit e-mailadres is vandaag al vaak een aanmelding voor deze groep verstuurd. Probeer het morgen opnieuw.",
};



export async function submitJoinRequest(
  input: JoinRequestSubmission,
  context: JoinRequestContext,
): Promise<JoinRequestReceipt> {
  const group = isPlausibleSlug(input.groupSlug)
    ? (
        await db
          .select({
            id: groups.id,
            name: groups.name,
            municipalityId: groups.municipalityId,
            municipalityCode: municipalities.code,
            municipalityName: municipalities.name,
            safetyEmail: municipalities.safetyEmail,
            municipalityDisabledAt: municipalities.disabledAt,
          })
          .from(groups)
          .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
          .where(and(eq(groups.slug, input.groupSlug), eq(groups.status, "active")))
          .limit(1)
      )[0]
    : undefined;
  if (!group) throw notFound("Deze groep bestaat niet (meer). Zoek de groep opnieuw op uw adres.");
  if (group.municipalityDisabledAt) {
    throw new AppError("unprocessable", `De gemeente ${group.municipalityName} doet niet meer mee. U kunt zich hier niet meer aanmelden.`);
  }

  const receipt: JoinRequestReceipt = { groupName: group.name };
  if (input.honeypot && input.honeypot.trim() !== "") return receipt;

  await consumeRateLimit(JOIN_IP_LIMIT, ipRateLimitKey(context.ip));
  await consumeRateLimit(JOIN_EMAIL_LIMIT, `${group.id}:${emailRateLimitKey(input.email)}`);

  // Issue 19: an address the register does not know, or in another municipality, is refused;
  // one it could not check (unreachable) is accepted and checked again when the admin accepts.
  const verification = await (context.addressLookup ?? addressLookup()).verify(input.address);
  const verdict = addressVerdict(
    verification.verified
      ? { kind: "verified", municipalityCode: verification.municipalityCode, municipalityName: verification.municipalityName }
      : verification.reason === "not_found"
        ? { kind: "not_found" }
        : { kind: "unavailable" },
    { code: group.municipalityCode, name: group.municipalityName },
  );
  if (!verdict.ok) {
    throw new AppError("bad_request", verdict.message, { fieldErrors: { "address.postcode": verdict.message } });
  }

  const resident: JoinRequestMailResident = {
    name: input.name,
    email: input.email,
    phone: input.phone,
    postcode: input.address.postcode,
    houseNumber: input.address.houseNumber,
    addition: input.address.addition,
  };
  const appUrl = getEnv().appUrl;

  await db.transaction(async (tx) => {
    const [request] = await tx
      .insert(joinRequests)
      .values({
        groupId: group.id,
        name: input.name,
        email: input.email,
        phone: input.phone,
        birthDate: input.birthDate,
        postcode: input.address.postcode,
        houseNumber: input.address.houseNumber,
        addition: input.address.addition,
        createdAt: context.now,
      })
      .onConflictDoNothing()
      .returning({ id: joinRequests.id });
    // An open request from this e-mail address for this group exists: a resent form.
    if (!request) return;
    // The form requires acceptHouseRules (joinSubmissionSchema): the consent belongs to the request.
    await recordHouseRulesAcceptance(tx, { joinRequestId: request.id, groupId: group.id, context: "join_request", now: context.now });

    const admins = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(groupAdmins)
      .innerJoin(users, eq(users.id, groupAdmins.userId))
      .where(and(eq(groupAdmins.groupId, group.id), isNull(users.disabledAt)))
      .orderBy(users.id);

    const mails: OutgoingMail[] = admins.map((admin) => ({
      idempotencyKey: `join-request:${request.id}:${admin.id}`,
      kind: "join_request_admin",
      to: admin.email,
      ...joinRequestAdminMail({ appUrl, groupId: group.id, groupName: group.name, adminName: admin.name, resident }),
    }));
    if (admins.length === 0) {
      mails.push({
        idempotencyKey: `join-request:${request.id}:municipality`,
        kind: "join_request_without_admin",
        to: group.safetyEmail,
        ...joinRequestWithoutAdminMail({ groupName: group.name, resident }),
      });
    }
    mails.push({
      idempotencyKey: `join-request:${request.id}:resident`,
      kind: "join_request_confirmation",
      to: input.email,
      ...joinRequestConfirmationMail({ groupName: group.name, municipalityEmail: group.safetyEmail, resident }),
    });
    await enqueueMail(tx, mails);
    await recordAudit(tx, {
      actorUserId: null,
      action: "join_request.submit",
      subjectType: "join_request",
      subjectId: request.id,
      municipalityId: group.municipalityId,
      details: { groupId: group.id, adminMails: admins.length },
    });
  });

  return receipt;
}
