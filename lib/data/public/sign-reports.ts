/**
 * A resident reporting a damaged or missing bord, from the group's public page (no account).
 *
 * The bord must stand and its group be active (else not_found). A filled honeypot answers as
 * if it worked and stores nothing; the rate limit per IP holds (in the database, like the join
 * form). Then one transaction stores the report and its history entry and queues one e-mail to
 * the municipality's safety mailbox (team Veiligheid).
 */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { areas, groups, municipalities, signEvents, signReports, signs } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { SIGN_REPORT_KIND, SIGN_REPORT_KIND_LABELS, signReportMail } from "@/lib/mail/templates/sign-report";
import { routes } from "@/lib/routes";
import { consumeRateLimit, ipRateLimitKey, type RateLimitRule } from "@/lib/server/rate-limit";
import type { SignReportSubmission } from "@/lib/validation/signs";
import { isUuid } from "@/lib/domain/ids";
import { isPlausibleSlug } from "./groups";

export const SIGN_REPORT_IP_LIMIT: RateLimitRule = {
  name: "sign_report_ip",
  points: 5,
  durationSeconds: 60 * 60,
  message: "Er zijn vanaf uw internetverbinding veel meldingen over borden verstuurd. Probeer het over een uur opnieuw.",
};

export const SIGN_NOT_FOUND = "Dit bord staat niet (meer) in het register. Laad de pagina opnieuw.";

export interface PublicSign {
  id: string;
  location: string;
  placedOn: string;
  count: number;
}

/** The borden that stand for an active group, for its public page. */
export async function listStandingSignsForGroup(groupSlug: string): Promise<PublicSign[]> {
  if (!isPlausibleSlug(groupSlug)) return [];
  return db
    .select({ id: signs.id, location: signs.location, placedOn: signs.placedOn, count: signs.count })
    .from(signs)
    .innerJoin(groups, eq(groups.id, signs.groupId))
    .where(and(eq(groups.slug, groupSlug), eq(groups.status, "active"), eq(signs.status, "standing")))
    .orderBy(asc(signs.placedOn), asc(signs.id));
}

export async function submitSignReport(input: SignReportSubmission, context: { ip: string; now: Date }): Promise<{ reported: true }> {
  const sign = isUuid(input.signId)
    ? (
        await db
          .select({
            id: signs.id,
            location: signs.location,
            groupId: groups.id,
            groupName: groups.name,
            areaName: areas.name,
            municipalityId: groups.municipalityId,
            safetyEmail: municipalities.safetyEmail,
          })
          .from(signs)
          .innerJoin(groups, eq(groups.id, signs.groupId))
          .innerJoin(areas, eq(areas.id, groups.areaId))
          .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
          .where(and(eq(signs.id, input.signId), eq(signs.status, "standing"), eq(groups.status, "active")))
          .limit(1)
      )[0]
    : undefined;
  if (!sign) throw notFound(SIGN_NOT_FOUND);
  if (input.honeypot && input.honeypot.trim() !== "") return { reported: true };

  await consumeRateLimit(SIGN_REPORT_IP_LIMIT, ipRateLimitKey(context.ip));

  await db.transaction(async (tx) => {
    const [report] = await tx
      .insert(signReports)
      .values({ signId: sign.id, kind: input.kind, description: input.description, createdAt: context.now })
      .returning({ id: signReports.id });
    await tx.insert(signEvents).values({
      signId: sign.id,
      kind: "reported",
      note: [SIGN_REPORT_KIND_LABELS[input.kind] + ".", input.description].filter(Boolean).join("\n"),
    });
    await enqueueMail(tx, [
      {
        idempotencyKey: `sign-report:${report.id}`,
        kind: SIGN_REPORT_KIND,
        to: sign.safetyEmail,
        ...signReportMail({
          groupName: sign.groupName,
          areaName: sign.areaName,
          location: sign.location,
          kind: input.kind,
          description: input.description,
          url: `${getEnv().appUrl}${routes.staff.sign(sign.id)}`,
        }),
      },
    ]);
    await recordAudit(tx, {
      actorUserId: null,
      action: "sign_report.submit",
      subjectType: "sign",
      subjectId: sign.id,
      municipalityId: sign.municipalityId,
      details: { reportId: report.id, kind: input.kind, groupId: sign.groupId },
    });
  });
  return { reported: true };
}
