/**
 * The yearly check: twelve months after registration or the last confirmation, the
 * admins are asked whether the group is still active. A reminder follows after 14 days; after
 * 30 days without an answer team Veiligheid and the wijkagent are told and the group shows as
 * "niet bevestigd"; after 90 days staff decide (keep or dissolve). Plain rules, no clock.
 */
import { DAY_MS } from "./retention";

export type OpenCheckStage = "asked" | "reminded" | "unconfirmed" | "decision";
export type ClosedCheckStage = "confirmed" | "kept" | "dissolved";
export type CheckStage = OpenCheckStage | ClosedCheckStage;

export const CHECK_AFTER_MONTHS = 12;
export const REMIND_AFTER_DAYS = 14;
export const UNCONFIRMED_AFTER_DAYS = 30;
export const DECISION_AFTER_DAYS = 90;
/** How long a "De groep is nog actief" link works (from the e-mail it came in); the check must still be open. */
export const CHECK_LINK_VALID_DAYS = 100;

export const OPEN_CHECK_STAGES: readonly OpenCheckStage[] = ["asked", "reminded", "unconfirmed", "decision"];
/** The stages in which staff see the group as "niet bevestigd". */
export const UNCONFIRMED_STAGES: readonly OpenCheckStage[] = ["unconfirmed", "decision"];

export const CHECK_STAGE_LABELS: Record<CheckStage, string> = {
  asked: "gevraagd",
  reminded: "herinnerd",
  unconfirmed: "niet bevestigd",
  decision: "niet bevestigd, beslissen",
  confirmed: "bevestigd",
  kept: "blijft (door de gemeente)",
  dissolved: "opgeheven",
};


export function isOpenCheckStage(stage: string): stage is OpenCheckStage {
  return (OPEN_CHECK_STAGES as readonly string[]).includes(stage);
}

/**
 * When the next check is due: twelve calendar months after `anchor` (registration or last
 * confirmation). 29 February + 12 months is 1 March in a non-leap year (the month overflows,
 * never back to 28 February, so it is never early).
 */
export function checkDueAt(anchor: Date): Date {
  const due = new Date(anchor.getTime());
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + CHECK_AFTER_MONTHS);
  const daysInMonth = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  if (day > daysInMonth) {
    due.setUTCMonth(due.getUTCMonth() + 1, day - daysInMonth);
  } else {
    due.setUTCDate(day);
  }
  return due;
}

/** The moment a check started at `startedAt` enters `stage`. */
export function stageStartsAt(stage: Exclude<OpenCheckStage, "asked">, startedAt: Date): Date {
  const days = stage === "reminded" ? REMIND_AFTER_DAYS : stage === "unconfirmed" ? UNCONFIRMED_AFTER_DAYS : DECISION_AFTER_DAYS;
  return new Date(startedAt.getTime() + days * DAY_MS);
}

/** The stage an open check started at `startedAt` should be in at `now` (time alone decides). */
export function stageAt(startedAt: Date, now: Date): OpenCheckStage {
  if (now >= stageStartsAt("decision", startedAt)) return "decision";
  if (now >= stageStartsAt("unconfirmed", startedAt)) return "unconfirmed";
  if (now >= stageStartsAt("reminded", startedAt)) return "reminded";
  return "asked";
}

/** The step after `stage` in the open sequence, or null after "decision" (staff decide). */
export function nextOpenStage(stage: OpenCheckStage): Exclude<OpenCheckStage, "asked"> | null {
  switch (stage) {
    case "asked":
      return "reminded";
    case "reminded":
      return "unconfirmed";
    case "unconfirmed":
      return "decision";
    case "decision":
      return null;
  }
}
