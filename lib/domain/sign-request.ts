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
 * The threshold is checked again on approve by the caller (signEligibility), not here.
 */
export const SIGN_REQUEST_STATUSES = ["submitted", "in_review", "approved", "placed", "rejected", "withdrawn"] as const;
export type SignRequestStatus = (typeof SIGN_REQUEST_STATUSES)[number];

/** A group has at most one request in these statuses at a time. */
export const OPEN_SIGN_REQUEST_STATUSES = ["submitted", "in_review", "approved"] as const satisfies readonly SignRequestStatus[];
export type OpenSignRequestStatus = (typeof OPEN_SIGN_REQUEST_STATUSES)[number];

export const FINAL_SIGN_REQUEST_STATUSES = ["placed", "rejected", "withdrawn"] as const satisfies readonly SignRequestStatus[];

/**
 * What the public side says of a group's bord: `placed` once one of its requests is placed,
 * else `requested` while one is open, else `none`. Rejected and withdrawn requests say nothing.
 */
export const PUBLIC_BORD_STATUSES = ["none", "requested", "placed"] as const;
export type PublicBordStatus = (typeof PUBLIC_BORD_STATUSES)[number];

export function publicBordStatus(requestStatuses: readonly SignRequestStatus[]): PublicBordStatus {
  if (requestStatuses.includes("placed")) return "placed";
  if (requestStatuses.some(isOpenSignRequestStatus)) return "requested";
  return "none";
}

export const SIGN_REQUEST_ACTIONS = ["review", "approve", "reject", "place", "withdraw"] as const;
export type SignRequestAction = (typeof SIGN_REQUEST_ACTIONS)[number];

export const SIGN_REQUEST_ACTORS = ["group_admin", "staff"] as const;
export type SignRequestActor = (typeof SIGN_REQUEST_ACTORS)[number];

/** The actions staff take on a request (the staff decision form). */
export const STAFF_SIGN_REQUEST_ACTIONS = ["review", "approve", "reject", "place"] as const satisfies readonly SignRequestAction[];
export type StaffSignRequestAction = (typeof STAFF_SIGN_REQUEST_ACTIONS)[number];

/** Dutch labels for the UI and e-mails. */
export const SIGN_REQUEST_STATUS_LABELS: Readonly<Record<SignRequestStatus, string>> = {
  submitted: "ingediend",
  in_review: "in behandeling",
  approved: "goedgekeurd",
  placed: "geplaatst",
  rejected: "afgewezen",
  withdrawn: "ingetrokken",
};

export const SIGN_REQUEST_ACTION_LABELS: Readonly<Record<SignRequestAction, string>> = {
  review: "in behandeling nemen",
  approve: "goedkeuren",
  reject: "afwijzen",
  place: "plaatsing vastleggen",
  withdraw: "intrekken",
};

interface Transition {
  actor: SignRequestActor;
  from: readonly SignRequestStatus[];
  to: SignRequestStatus;
}

const TRANSITIONS: Readonly<Record<SignRequestAction, Transition>> = {
  review: { actor: "staff", from: ["submitted"], to: "in_review" },
  approve: { actor: "staff", from: ["in_review"], to: "approved" },
  reject: { actor: "staff", from: ["submitted", "in_review"], to: "rejected" },
  place: { actor: "staff", from: ["approved"], to: "placed" },
  withdraw: { actor: "group_admin", from: ["submitted", "in_review"], to: "withdrawn" },
};

export function isSignRequestStatus(value: unknown): value is SignRequestStatus {
  return typeof value === "string" && (SIGN_REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isOpenSignRequestStatus(status: SignRequestStatus): boolean {
  return (OPEN_SIGN_REQUEST_STATUSES as readonly string[]).includes(status);
}

function transitionFor(action: SignRequestAction): Transition | undefined {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, action) ? TRANSITIONS[action] : undefined;
}

/**
 * The status after `actor` takes `action` on a request in status `from`. A move the workflow
 * does not allow throws DomainError `invalid_transition` (with a Dutch message that can be
 * shown, e.g. to the second of two staff members deciding at once).
 */
export function nextSignRequestStatus(
  from: SignRequestStatus,
  action: SignRequestAction,
  actor: SignRequestActor,
): SignRequestStatus {
  const transition = transitionFor(action);
  if (!transition || !isSignRequestStatus(from)) {
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
      `Deze stap kan niet meer: de aanvraag is ${SIGN_REQUEST_STATUS_LABELS[from]}. Laad de pagina opnieuw om de laatste stand te zien.`,
    );
  }
  return transition.to;
}

/** The actions `actor` may take now; for showing buttons (the server still checks). */
export function allowedSignRequestActions(from: SignRequestStatus, actor: SignRequestActor): SignRequestAction[] {
  return SIGN_REQUEST_ACTIONS.filter((action) => {
    const transition = TRANSITIONS[action];
    return transition.actor === actor && transition.from.includes(from);
  });
}
