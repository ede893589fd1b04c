import { describe, expect, it } from "vitest";

import { signRequestStatuses } from "@/db/schema";
import { DomainError } from "./errors";
import {
  OPEN_SIGN_REQUEST_STATUSES,
  SIGN_REQUEST_ACTIONS,
  SIGN_REQUEST_ACTORS,
  SIGN_REQUEST_STATUSES,
  SIGN_REQUEST_STATUS_LABELS,
  type SignRequestAction,
  type SignRequestActor,
  type SignRequestStatus,
  allowedSignRequestActions,
  isOpenSignRequestStatus,
  isSignRequestStatus,
  nextSignRequestStatus,
} from "./sign-request";

/** The complete list of allowed moves; every other combination must be refused. */
const ALLOWED: ReadonlyArray<[SignRequestStatus, SignRequestAction, SignRequestActor, SignRequestStatus]> = [
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

const REFUSED = SIGN_REQUEST_STATUSES.flatMap((from) =>
  SIGN_REQUEST_ACTIONS.flatMap((action) =>
    SIGN_REQUEST_ACTORS.filter((actor) => !allowedSet.has(allowedKey(from, action, actor))).map(
      (actor) => [from, action, actor] as [SignRequestStatus, SignRequestAction, SignRequestActor],
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

describe("nextSignRequestStatus", () => {
  it.each(ALLOWED)("%s --%s (%s)--> %s", (from, action, actor, to) => {
    expect(nextSignRequestStatus(from, action, actor)).toBe(to);
  });

  it("covers all 60 combinations: 7 allowed, 53 refused", () => {
    expect(ALLOWED.length + REFUSED.length).toBe(SIGN_REQUEST_STATUSES.length * SIGN_REQUEST_ACTIONS.length * SIGN_REQUEST_ACTORS.length);
    expect(REFUSED).toHaveLength(53);
  });

  it.each(REFUSED)("refuses %s --%s by %s", (from, action, actor) => {
    const error = errorOf(() => nextSignRequestStatus(from, action, actor));
    expect(error?.code).toBe("invalid_transition");
    expect(error?.message).toMatch(/[a-z]/);
  });

  it("keeps the chain strict: no approval straight from submitted", () => {
    expect(errorOf(() => nextSignRequestStatus("submitted", "approve", "staff"))?.code).toBe("invalid_transition");
  });

  it("tells the second of two staff members what happened", () => {
    const error = errorOf(() => nextSignRequestStatus("approved", "approve", "staff"));
    expect(error?.message).toContain("goedgekeurd");
  });

  it("tells a group admin that staff decide", () => {
    expect(errorOf(() => nextSignRequestStatus("in_review", "approve", "group_admin"))?.message).toContain("medewerker");
  });

  it("never moves out of a final status", () => {
    for (const from of ["placed", "rejected", "withdrawn"] as const) {
      for (const actor of SIGN_REQUEST_ACTORS) expect(allowedSignRequestActions(from, actor)).toEqual([]);
    }
  });

  it("refuses unknown values from untyped callers", () => {
    expect(errorOf(() => nextSignRequestStatus("deleted" as SignRequestStatus, "review", "staff"))?.code).toBe("invalid_transition");
    expect(errorOf(() => nextSignRequestStatus("submitted", "toString" as SignRequestAction, "staff"))?.code).toBe("invalid_transition");
    expect(errorOf(() => nextSignRequestStatus("submitted", "review", "wijkagent" as SignRequestActor))?.code).toBe("invalid_transition");
  });
});

describe("allowedSignRequestActions", () => {
  it("agrees with nextSignRequestStatus for every status and actor", () => {
    for (const from of SIGN_REQUEST_STATUSES) {
      for (const actor of SIGN_REQUEST_ACTORS) {
        const expected = SIGN_REQUEST_ACTIONS.filter((action) => allowedSet.has(allowedKey(from, action, actor)));
        expect(allowedSignRequestActions(from, actor)).toEqual(expected);
      }
    }
  });

  it.each<[SignRequestStatus, SignRequestActor, SignRequestAction[]]>([
    ["submitted", "staff", ["review", "reject"]],
    ["in_review", "staff", ["approve", "reject"]],
    ["approved", "staff", ["place"]],
    ["submitted", "group_admin", ["withdraw"]],
    ["approved", "group_admin", []],
  ])("%s for %s: %j", (from, actor, expected) => {
    expect(allowedSignRequestActions(from, actor)).toEqual(expected);
  });
});

describe("status lists", () => {
  it("has the statuses the database enum has, in its order", () => {
    expect(SIGN_REQUEST_STATUSES).toEqual(signRequestStatuses);
  });

  it("calls a request open exactly when someone can still act on it", () => {
    for (const status of SIGN_REQUEST_STATUSES) {
      const actionable = SIGN_REQUEST_ACTORS.some((actor) => allowedSignRequestActions(status, actor).length > 0);
      expect((OPEN_SIGN_REQUEST_STATUSES as readonly string[]).includes(status), status).toBe(actionable);
    }
  });

  it("has a Dutch label for every status", () => {
    for (const status of SIGN_REQUEST_STATUSES) expect(SIGN_REQUEST_STATUS_LABELS[status]).toMatch(/^[a-z ]+$/);
  });

  it("recognises statuses", () => {
    expect(isSignRequestStatus("in_review")).toBe(true);
    expect(isSignRequestStatus("deleted")).toBe(false);
    expect(isOpenSignRequestStatus("approved")).toBe(true);
    expect(isOpenSignRequestStatus("placed")).toBe(false);
  });
});
