import { describe, expect, it } from "vitest";

import { bordRequestStatuses } from "@/db/schema";
import { DomainError } from "./errors";
import {
  OPEN_BORD_REQUEST_STATUSES,
  BORD_REQUEST_ACTIONS,
  BORD_REQUEST_ACTORS,
  BORD_REQUEST_STATUSES,
  BORD_REQUEST_STATUS_LABELS,
  type BordRequestAction,
  type BordRequestActor,
  type BordRequestStatus,
  allowedBordRequestActions,
  isOpenBordRequestStatus,
  isBordRequestStatus,
  nextBordRequestStatus,
} from "./bord-request";

/** The complete list of allowed moves; every other combination must be refused. */
const ALLOWED: ReadonlyArray<[BordRequestStatus, BordRequestAction, BordRequestActor, BordRequestStatus]> = [
  ["submitted", "review", "staff", "in_review"],
  ["in_review", "approve", "staff", "approved"],
  ["approved", "place", "staff", "placed"],
  ["submitted", "reject", "staff", "rejected"],
  ["in_review", "reject", "staff", "rejected"],
  ["submitted", "withdraw", "group_admin", "withdrawn"],
  ["in_review", "withdraw", "group_admin", "withdrawn"],
];

const allowedKey = (from: string, action: string, actor: string) => `${from}/${action}/${actor}`;
const allowedSet = new Set(ALLOWED.map(([from, action, actor]) => allowedKey(from, action, actor)));

const REFUSED = BORD_REQUEST_STATUSES.flatMap((from) =>
  BORD_REQUEST_ACTIONS.flatMap((action) =>
    BORD_REQUEST_ACTORS.filter((actor) => !allowedSet.has(allowedKey(from, action, actor))).map(
      (actor) => [from, action, actor] as [BordRequestStatus, BordRequestAction, BordRequestActor],
    ),
  ),
);

function errorOf(fn: () => unknown): DomainError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe("nextBordRequestStatus", () => {
  it.each(ALLOWED)("%s --%s (%s)--> %s", (from, action, actor, to) => {
    expect(nextBordRequestStatus(from, action, actor)).toBe(to);
  });

  it("covers all 60 combinations: 7 allowed, 53 refused", () => {
    expect(ALLOWED.length + REFUSED.length).toBe(BORD_REQUEST_STATUSES.length * BORD_REQUEST_ACTIONS.length * BORD_REQUEST_ACTORS.length);
    expect(REFUSED).toHaveLength(53);
  });

  it.each(REFUSED)("refuses %s --%s by %s", (from, action, actor) => {
    const error = errorOf(() => nextBordRequestStatus(from, action, actor));
    expect(error?.code).toBe("invalid_transition");
    expect(error?.message).toMatch(/[a-z]/);
  });

  it("keeps the chain strict: no approval straight from submitted", () => {
    expect(errorOf(() => nextBordRequestStatus("submitted", "approve", "staff"))?.code).toBe("invalid_transition");
  });

  it("tells the second of two staff members what happened", () => {
    const error = errorOf(() => nextBordRequestStatus("approved", "approve", "staff"));
    expect(error?.message).toContain("goedgekeurd");
  });

  it("tells a group admin that staff decide", () => {
    expect(errorOf(() => nextBordRequestStatus("in_review", "approve", "group_admin"))?.message).toContain("medewerker");
  });

  it("never moves out of a final status", () => {
    for (const from of ["placed", "rejected", "withdrawn"] as const) {
      for (const actor of BORD_REQUEST_ACTORS) expect(allowedBordRequestActions(from, actor)).toEqual([]);
    }
  });

  it("refuses unknown values from untyped callers", () => {
    expect(errorOf(() => nextBordRequestStatus("deleted" as BordRequestStatus, "review", "staff"))?.code).toBe("invalid_transition");
    expect(errorOf(() => nextBordRequestStatus("submitted", "toString" as BordRequestAction, "staff"))?.code).toBe("invalid_transition");
    expect(errorOf(() => nextBordRequestStatus("submitted", "review", "wijkagent" as BordRequestActor))?.code).toBe("invalid_transition");
  });
});

describe("allowedBordRequestActions", () => {
  it("agrees with nextBordRequestStatus for every status and actor", () => {
    for (const from of BORD_REQUEST_STATUSES) {
      for (const actor of BORD_REQUEST_ACTORS) {
        const expected = BORD_REQUEST_ACTIONS.filter((action) => allowedSet.has(allowedKey(from, action, actor)));
        expect(allowedBordRequestActions(from, actor)).toEqual(expected);
      }
    }
  });

  it.each<[BordRequestStatus, BordRequestActor, BordRequestAction[]]>([
    ["submitted", "staff", ["review", "reject"]],
    ["in_review", "staff", ["approve", "reject"]],
    ["approved", "staff", ["place"]],
    ["submitted", "group_admin", ["withdraw"]],
    ["approved", "group_admin", []],
  ])("%s for %s: %j", (from, actor, expected) => {
    expect(allowedBordRequestActions(from, actor)).toEqual(expected);
  });
});

describe("status lists", () => {
  it("has the statuses the database enum has, in its order", () => {
    expect(BORD_REQUEST_STATUSES).toEqual(bordRequestStatuses);
  });

  it("calls a request open exactly when someone can still act on it", () => {
    for (const status of BORD_REQUEST_STATUSES) {
      const actionable = BORD_REQUEST_ACTORS.some((actor) => allowedBordRequestActions(status, actor).length > 0);
      expect((OPEN_BORD_REQUEST_STATUSES as readonly string[]).includes(status), status).toBe(actionable);
    }
  });

  it("has a Dutch label for every status", () => {
    for (const status of BORD_REQUEST_STATUSES) expect(BORD_REQUEST_STATUS_LABELS[status]).toMatch(/^[a-z ]+$/);
  });

  it("recognises statuses", () => {
    expect(isBordRequestStatus("in_review")).toBe(true);
    expect(isBordRequestStatus("deleted")).toBe(false);
    expect(isOpenBordRequestStatus("approved")).toBe(true);
    expect(isOpenBordRequestStatus("placed")).toBe(false);
  });
});
