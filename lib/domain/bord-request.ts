import { DomainError } from "./errors";

/**
 * The bord request workflow:
 *
 *   submitted ──review──▶ in_review ──approve──▶ approved ──place──▶ placed
 *       │                    │
 *       ├──reject (staff)────┤──▶ rejected      (reason required: see staffDecisionSchema)
 *       └──withdraw (admin)──┘──▶ withdrawn
 *
 * Decisions taken here, on purpose:
 * - The chain is strict: staff approve only from `in_review`, so every approval was first
 *   taken into review (one click more, a clear record of who looked at it).
 * - Staff may reject from `submitted` or `in_review`; not after approval (then the bord is on
 *   its way; a change of plan is a new request).
 * - The group admin may withdraw only before approval (`submitted` or `in_review`).
 * - Only staff review, approve, reject and place; only the group admin withdraws.
 * - placed, rejected and withdrawn are final.
 * The threshold is checked again on approve by the caller (bordEligibility), not here.
 */
export const BORD_REQUEST_STATUSES = ["submitted", "in_review", "approved", "placed", "rejected", "withdrawn"] as const;
export type BordRequestStatus = (typeof BORD_REQUEST_STATUSES)[number];

/** A group has at most one request in these statuses at a time. */
export const OPEN_BORD_REQUEST_STATUSES = ["submitted", "in_review", "approved"] as const satisfies readonly BordRequestStatus[];
export type OpenBordRequestStatus = (typeof OPEN_BORD_REQUEST_STATUSES)[number];

export const FINAL_BORD_REQUEST_STATUSES = ["placed", "rejected", "withdrawn"] as const satisfies readonly BordRequestStatus[];

/**
 * What the public side says of a group's bord: `placed` once one of its requests is placed,
 * else `requested` while one is open, else `none`. Rejected and withdrawn requests say nothing.
 */
export const PUBLIC_BORD_STATUSES = ["none", "requested", "placed"] as const;
export type PublicBordStatus = (typeof PUBLIC_BORD_STATUSES)[number];

export function publicBordStatus(requestStatuses: readonly BordRequestStatus[]): PublicBordStatus {
  if (requestStatuses.includes("placed")) return "placed";
  if (requestStatuses.some(isOpenBordRequestStatus)) return "requested";
  return "none";
}

export const BORD_REQUEST_ACTIONS = ["review", "approve", "reject", "place", "withdraw"] as const;
export type BordRequestAction = (typeof BORD_REQUEST_ACTIONS)[number];

export const BORD_REQUEST_ACTORS = ["group_admin", "staff"] as const;
export type BordRequestActor = (typeof BORD_REQUEST_ACTORS)[number];

/** The actions staff take on a request (the staff decision form). */
export const STAFF_BORD_REQUEST_ACTIONS = ["review", "approve", "reject", "place"] as const satisfies readonly BordRequestAction[];
export type StaffBordRequestAction = (typeof STAFF_BORD_REQUEST_ACTIONS)[number];

/** Dutch labels for the UI and e-mails. */
export const BORD_REQUEST_STATUS_LABELS: Readonly<Record<BordRequestStatus, string>> = {
  submitted: "ingediend",
  in_review: "in behandeling",
  approved: "goedgekeurd",
  placed: "geplaatst",
  rejected: "afgewezen",
  withdrawn: "ingetrokken",
};

export const BORD_REQUEST_ACTION_LABELS: Readonly<Record<BordRequestAction, string>> = {
  review: "in behandeling nemen",
  approve: "goedkeuren",
  reject: "afwijzen",
  place: "plaatsing vastleggen",
  withdraw: "intrekken",
};

interface Transition {
  actor: BordRequestActor;
  from: readonly BordRequestStatus[];
  to: BordRequestStatus;
}

const TRANSITIONS: Readonly<Record<BordRequestAction, Transition>> = {
  review: { actor: "staff", from: ["submitted"], to: "in_review" },
  approve: { actor: "staff", from: ["in_review"], to: "approved" },
  reject: { actor: "staff", from: ["submitted", "in_review"], to: "rejected" },
  place: { actor: "staff", from: ["approved"], to: "placed" },
  withdraw: { actor: "group_admin", from: ["submitted", "in_review"], to: "withdrawn" },
};

export function isBordRequestStatus(value: unknown): value is BordRequestStatus {
  return typeof value === "string" && (BORD_REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isOpenBordRequestStatus(status: BordRequestStatus): boolean {
  return (OPEN_BORD_REQUEST_STATUSES as readonly string[]).includes(status);
}

function transitionFor(action: BordRequestAction): Transition | undefined {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, action) ? TRANSITIONS[action] : undefined;
}

/**
 * The status after `actor` takes `action` on a request in status `from`. A move the workflow
 * does not allow throws DomainError `invalid_transition` (with a Dutch message that can be
 * shown, e.g. to the second of two staff members deciding at once).
 */
export function nextBordRequestStatus(
  from: BordRequestStatus,
  action: BordRequestAction,
  actor: BordRequestActor,
): BordRequestStatus {
  const transition = transitionFor(action);
  if (!transition || !isBordRequestStatus(from)) {
    throw new DomainError("invalid_transition", "Deze stap bestaat niet voor een bordaanvraag.");
  }
  if (transition.actor !== actor) {
    throw new DomainError(
      "invalid_transition",
      actor === "group_admin"
        ? "Alleen een medewerker van de gemeente kan deze stap zetten."
        : "Alleen de groepsbeheerder kan een aanvraag intrekken.",
    );
  }
  if (!transition.from.includes(from)) {
    throw new DomainError(
      "invalid_transition",
      `Deze stap kan niet meer: de aanvraag is ${BORD_REQUEST_STATUS_LABELS[from]}. Laad de pagina opnieuw om de laatste stand te zien.`,
    );
  }
  return transition.to;
}

/** The actions `actor` may take now; for showing buttons (the server still checks). */
export function allowedBordRequestActions(from: BordRequestStatus, actor: BordRequestActor): BordRequestAction[] {
  return BORD_REQUEST_ACTIONS.filter((action) => {
    const transition = TRANSITIONS[action];
    return transition.actor === actor && transition.from.includes(from);
  });
}
