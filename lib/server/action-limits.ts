/**
 * Rate limits on the signed-in actions that send e-mail or publish text,
 * all in this one table. Without them one account could send thirty invitation e-mails with
 * its own text to one address in a second (a phishing channel through the municipality's
 * sender), or register a dozen groups and flood the wijkagent and wethouder with e-mail.
 *
 * Each action is limited per account and per IP address (a second account from the same
 * connection does not start afresh); actions that e-mail an address the actor typed are also
 * limited per address (keyed by an HMAC of the address, never the address itself). The counts
 * live in the database (rate_limits): they hold across restarts and server processes.
 *
 * The numbers are far above what a real admin or staff member does, and every attempt that
 * passes the form's own check counts (also one the server then refuses, e.g. a taken name).
 * The per-IP numbers leave room for several people behind one connection (a town hall, a
 * household). The message says how long to wait. The public forms have their own limits:
 * joining a group in lib/data/public/join.ts, sign-in links in lib/auth/sign-in.ts.
 */
import "server-only";
import type { Actor } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { consumeRateLimit, emailRateLimitKey, ipRateLimitKey, type RateLimitRule } from "./rate-limit";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ActionLimit {
  perAccount: RateLimitRule;
  perIp: RateLimitRule;
  /** For actions that e-mail an address the actor chose: how often one address may get one. */
  perAddress?: RateLimitRule;
}

function limit(
  name: string,
  messages: { account: string; ip: string },
  account: [points: number, seconds: number],
  ip: [points: number, seconds: number],
): ActionLimit {
  return {
    perAccount: { name: `${name}_account`, points: account[0], durationSeconds: account[1], message: `${messages.account} Probeer het over {wacht} opnieuw.` },
    perIp: { name: `${name}_ip`, points: ip[0], durationSeconds: ip[1], message: `${messages.ip} Probeer het over {wacht} opnieuw.` },
  };
}

/** One address gets at most 3 invitations a day (one that got lost can be sent again). */
const INVITATIONS_PER_ADDRESS: RateLimitRule = {
  name: "invite_address",
  points: 3,
  durationSeconds: DAY,
  message: "Dit e-mailadres heeft vandaag al een paar uitnodigingen gekregen. Probeer het over {wacht} opnieuw.",
};

export const ACTION_LIMITS = {
  /**
   * Registering a group e-mails the wijkagent(s) and wethouder, and invites co-admins. A
   * person starts one group, perhaps a second for a neighbouring street: 5 tries a day.
   * Co-admins invited here count for their address like any invitation.
   */
  registerGroup: {
    ...limit(
      "group_register",
      { account: "U heeft vandaag al veel groepen aangemeld.", ip: "Vanaf deze internetverbinding zijn vandaag al veel groepen aangemeld." },
      [5, DAY],
      [10, DAY],
    ),
    perAddress: INVITATIONS_PER_ADDRESS,
  },
  /** Name, description and link are public on the group's page: 20 saves an hour is plenty. */
  updateGroup: limit(
    "group_update",
    { account: "U heeft de gegevens van uw groepen in korte tijd heel vaak gewijzigd.", ip: "Vanaf deze internetverbinding zijn in korte tijd heel vaak groepsgegevens gewijzigd." },
    [20, HOUR],
    [60, HOUR],
  ),
  /**
   * A co-admin invitation e-mails an address the admin typed, with the group's name in it.
   * A group has at most a few admins: 10 invitations an hour per account, 3 a day per address.
   */
  inviteCoAdmin: {
    ...limit(
      "admin_invite",
      { account: "U heeft in korte tijd veel uitnodigingen verstuurd.", ip: "Vanaf deze internetverbinding zijn in korte tijd veel uitnodigingen verstuurd." },
      [10, HOUR],
      [30, HOUR],
    ),
    perAddress: INVITATIONS_PER_ADDRESS,
  },
  /** Each decision e-mails the resident. A full inbox of requests is handled well within this. */
  decideJoinRequest: limit(
    "join_decide",
    { account: "U heeft in korte tijd heel veel aanmeldingen afgehandeld.", ip: "Vanaf deze internetverbinding zijn in korte tijd heel veel aanmeldingen afgehandeld." },
    [100, HOUR],
    [300, HOUR],
  ),
  /** A bord request e-mails the municipality's safety mailbox; a group asks once. */
  requestBord: limit(
    "bord_request",
    { account: "U heeft vandaag al veel bordaanvragen gedaan.", ip: "Vanaf deze internetverbinding zijn vandaag al veel bordaanvragen gedaan." },
    [5, DAY],
    [10, DAY],
  ),
  /** Dissolving e-mails the wijkagent; once per group, and a person has few groups. */
  dissolveGroup: limit(
    "group_dissolve",
    { account: "U heeft vandaag al veel groepen opgeheven.", ip: "Vanaf deze internetverbinding zijn vandaag al veel groepen opgeheven." },
    [5, DAY],
    [10, DAY],
  ),
  /** Staff: inviting a user e-mails the typed address; the same 3 a day per address. */
  inviteUser: {
    ...limit(
      "user_invite",
      { account: "U heeft in korte tijd veel gebruikers uitgenodigd.", ip: "Vanaf deze internetverbinding zijn in korte tijd veel gebruikers uitgenodigd." },
      [30, HOUR],
      [100, HOUR],
    ),
    perAddress: INVITATIONS_PER_ADDRESS,
  },
  /** Staff: a bord decision e-mails the group's admins (and the police and wethouder on approval). */
  decideBord: limit(
    "bord_decide",
    { account: "U heeft in korte tijd heel veel bordaanvragen afgehandeld.", ip: "Vanaf deze internetverbinding zijn in korte tijd heel veel bordaanvragen afgehandeld." },
    [200, HOUR],
    [600, HOUR],
  ),
  /** Platform admin: sending an undelivered e-mail again. */
  retryMail: limit(
    "mail_retry",
    { account: "U heeft in korte tijd heel veel e-mails opnieuw verstuurd.", ip: "Vanaf deze internetverbinding zijn in korte tijd heel veel e-mails opnieuw verstuurd." },
    [100, HOUR],
    [300, HOUR],
  ),
} satisfies Record<string, ActionLimit>;

/**
 * Counts one attempt of an action for the account, the IP address and (when the limit has
 * one) each e-mail address it will write to; throws AppError("rate_limited") with a Dutch
 * message and the wait when one is used up. Call it at the top of the action's body, before
 * anything is stored or sent.
 */
export async function limitAction(
  limit: ActionLimit,
  who: { user: Pick<Actor, "id">; ip: string; addresses?: readonly string[] },
): Promise<void> {
  const factor = getEnv().ACTION_LIMIT_FACTOR;
  const scaled = (rule: RateLimitRule): RateLimitRule => (factor === 1 ? rule : { ...rule, points: rule.points * factor });
  await consumeRateLimit(scaled(limit.perAccount), `user:${who.user.id}`);
  await consumeRateLimit(scaled(limit.perIp), ipRateLimitKey(who.ip));
  if (limit.perAddress) {
    for (const address of new Set((who.addresses ?? []).map((a) => a.trim().toLowerCase()))) {
      await consumeRateLimit(scaled(limit.perAddress), emailRateLimitKey(address));
    }
  }
}
