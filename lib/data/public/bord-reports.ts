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
import { areas, groups, municipalities, bordEvents, bordReports, bords } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { BORD_REPORT_KIND, BORD_REPORT_KIND_LABELS, bordReportMail } from "@/lib/mail/templates/bord-report";
import { routes } from "@/lib/routes";
import { consumeRateLimit, ipRateLimitKey, type RateLimitRule } from "@/lib/server/rate-limit";
import type { BordReportSubmission } from "@/lib/validation/bords";
import { isUuid } from "@/lib/domain/ids";
import { isPlausibleSlug } from "./groups";

export const BORD_REPORT_IP_LIMIT: RateLimitRule = {
  name: "sign_report_ip",
  points: 5,
  durationSeconds: 60 * 60,
  message: "Er zijn vanaf uw internetverbinding veel meldingen over borden verstuurd. Probeer het over een uur opnieuw.",
};

export const BORD_NOT_FOUND = "Dit bord staat niet (meer) in het register. Laad de pagina opnieuw.";

export interface PublicBord {
  id: string;
  location: string;
  placedOn: string;
  count: number;
}

/** The borden that stand for an active group, for its public page. */
export async function listStandingBordsForGroup(groupSlug: string): Promise<PublicBord[]> {
  if (!isPlausibleSlug(groupSlug)) return [];
  return db
    .select({ id: bords.id, location: bords.location, placedOn: bords.placedOn, count: bords.count })
    .from(bords)
    .innerJoin(groups, eq(groups.id, bords.groupId))
    .where(and(eq(groups.slug, groupSlug), eq(groups.status, "active"), eq(bords.status, "standing")))
    .orderBy(asc(bords.placedOn), asc(bords.id));
}

export async function submitBordReport(input: BordReportSubmission, context: { ip: string; now: Date }): Promise<{ reported: true }> {
  const bord = isUuid(input.bordId)
    ? (
        await db
          .select({
            id: bords.id,
            location: bords.location,
            groupId: groups.id,
            groupName: groups.name,
            areaName: areas.name,
            municipalityId: groups.municipalityId,
            safetyEmail: municipalities.safetyEmail,
          })
          .from(bords)
          .innerJoin(groups, eq(groups.id, bords.groupId))
          .innerJoin(areas, eq(areas.id, groups.areaId))
          .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
          .where(and(eq(bords.id, input.bordId), eq(bords.status, "standing"), eq(groups.status, "active")))
          .limit(1)
      )[0]
    : undefined;
  if (!bord) throw notFound(BORD_NOT_FOUND);
  if (input.honeypot && input.honeypot.trim() !== "") return { reported: true };

  await consumeRateLimit(BORD_REPORT_IP_LIMIT, ipRateLimitKey(context.ip));

  await db.transaction(async (tx) => {
    const [report] = await tx
      .insert(bordReports)
      .values({ bordId: bord.id, kind: input.kind, description: input.description, createdAt: context.now })
      .returning({ id: bordReports.id });
    await tx.insert(bordEvents).values({
      bordId: bord.id,
      kind: "reported",
      note: [BORD_REPORT_KIND_LABELS[input.kind] + ".", input.description].filter(Boolean).join("\n"),
    });
    await enqueueMail(tx, [
      {
        idempotencyKey: `sign-report:${report.id}`,
        kind: BORD_REPORT_KIND,
        to: bord.safetyEmail,
        ...bordReportMail({
          groupName: bord.groupName,
          areaName: bord.areaName,
          location: bord.location,
          kind: input.kind,
          description: input.description,
          url: `${getEnv().appUrl}${routes.staff.placedBord(bord.id)}`,
        }),
      },
    ]);
    await recordAudit(tx, {
      actorUserId: null,
      action: "sign_report.submit",
      subjectType: "sign",
      subjectId: bord.id,
      municipalityId: bord.municipalityId,
      details: { reportId: report.id, kind: input.kind, groupId: bord.groupId },
    });
  });
  return { reported: true };
}
