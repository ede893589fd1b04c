/**
 * No personal data in the application's logs. Everything the process writes (console and the
 * raw stdout/stderr streams, at LOG_LEVEL=debug) is captured during a full journey below the
 * browser — register a group, a resident's join request, signing in with an e-mail link (and a
 * second use of it), a bord request, the staff decision, the admin's decision on the join
 * request, sending the mail over a real SMTP server that refuses recipients (naming them, as
 * real servers do) and then goes down, a retention round, and a platform admin's export and
 * erasure — and searched for every e-mail address, name, phone number and street + house
 * number used.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { aContact, addresses, aMunicipality, anArea, aUser, inAddressRegister } from "@/db/seed/builders";
import { mailOutbox, users, type Area, type User } from "@/db/schema";
import { handlers } from "@/lib/auth/next-auth";
import { requestSignInLink } from "@/lib/auth/sign-in";
import { registerGroup } from "@/lib/data/resident/group-registration";
import { submitJoinRequest } from "@/lib/data/public/join";
import { decideJoinRequest, listOpenJoinRequests } from "@/lib/data/resident/join-requests";
import { erasePersonalData } from "@/lib/data/platform/privacy-erasure";
import { exportPersonalData } from "@/lib/data/platform/privacy-export";
import { requestBord } from "@/lib/data/resident/bord-requests";
import { decideBordRequest } from "@/lib/data/staff/bord-request-decision";
import { errorResult } from "@/lib/actions";
import { resetEnvForTests } from "@/lib/env";
import { smtpTransport } from "@/lib/mail/transport";
import { deliverDueMail } from "@/lib/mail/worker";
import { logger, redact } from "@/lib/server/logger";
import { createRetentionJob } from "@/lib/server/retention-job";
import { registerGroupSchema, bordRequestSchema } from "@/lib/validation";
import { bordDecisionSchema } from "@/lib/validation/staff";
import { actorOf } from "@/tests/actors";
import { withTestDatabase } from "@/tests/db";
import { startSmtpSink, type SmtpSink } from "@/tests/smtp";

const APP_URL = "http://localhost:3995";
const savedEnv = { ...process.env };
const database = withTestDatabase();

const ADMIN = { email: "lotte.logboek@voorbeeld-log.nl", name: "Lotte Logboek", phone: "+31612340001", national: "06 12340001" };
const RESIDENT = { email: "bram.bewoner@voorbeeld-log.nl", name: "Bram Bewoner", phone: "+31612340002", national: "06 12340002" };
const STREET = "Logboekstraat";
const WIJKAGENT = { email: "wijkagent.logboek@voorbeeld-log.nl", name: "Wendy Wijkagent" };

/** Personal data of this journey that must never reach a log line. */
const SECRETS = [
  ADMIN.email, ADMIN.name, ADMIN.phone, ADMIN.national, "0612340001",
  RESIDENT.email, RESIDENT.name, RESIDENT.phone, RESIDENT.national, "0612340002",
  WIJKAGENT.email, WIJKAGENT.name,
  "lotte.logboek", "bram.bewoner", "2922 AB 12", "2922AB 12", "2922AB", "2922 AB", `${STREET} 12`, "1984-03-14", "1990-02-03",
];

const captured: string[] = [];
const restore: Array<() => void> = [];
let sink: SmtpSink;
let area: Area;
let staffUser: User;
let platformAdmin: User;

function capture(): void {
  const record = (...args: unknown[]) => {
    captured.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ""}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  };
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      record(...args);
    };
    restore.push(() => {
      console[method] = original;
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = original;
    });
  }
}

beforeAll(async () => {
  Object.assign(process.env, { APP_URL, AUTH_SECRET: "log-secret-".padEnd(48, "l"), LOG_LEVEL: "debug", SIGN_IN_LIMIT_PER_EMAIL: "50", SIGN_IN_LIMIT_PER_IP: "50" });
  resetEnvForTests();
  sink = await startSmtpSink();
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { bordThreshold: 50 });
  area = await anArea(db, municipality, { postcodes: ["2922"] });
  // The addresses the journey enters, in the address register (verified, so they count toward the bord).
  await inAddressRegister(db, municipality, [...addresses(120, "2922", STREET), { postcode: "2922AB", houseNumber: 12, street: STREET }]);
  await aContact(db, municipality, "wijkagent", [area], { name: WIJKAGENT.name, email: WIJKAGENT.email });
  staffUser = await aUser(db, { role: "staff", municipalityId: municipality.id, email: "medewerker.log@voorbeeld-log.nl", name: "Mees Medewerker" });
  platformAdmin = await aUser(db, { role: "platform_admin", email: "platform.log@voorbeeld-log.nl" });
  capture();
});

afterAll(async () => {
  for (const undo of restore.reverse()) undo();
  await sink.stop();
  process.env = { ...savedEnv };
  resetEnvForTests();
});

async function useSignInLink(email: string) {
  const { db } = database.current.handle;
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(mailOutbox.id);
  const link = new URL(mail.text.match(/https?:\/\/\S+\/inloggen\/bevestigen\?\S+/)![0]);
  const params = new URLSearchParams({ token: link.searchParams.get("token")!, email: link.searchParams.get("email")!, callbackUrl: "/inloggen/verder" });
  return handlers.GET(new Request(`${APP_URL}/api/auth/callback/nodemailer?${params}`) as Parameters<typeof handlers.GET>[0]);
}

describe("application logs", () => {
  it("hold no e-mail address, name, phone number or address during a full journey", async () => {
    const { db } = database.current.handle;
    const transport = smtpTransport(sink.url, "Buurtpreventie <noreply@buurtpreventie.example>");
    try {
      // Signing in: the link, its use, and a second use (refused, logged by Auth.js).
      await requestSignInLink({ email: ADMIN.email, returnTo: null, ip: "192.0.2.10" });
      expect((await useSignInLink(ADMIN.email)).status).toBe(302);
      await useSignInLink(ADMIN.email);
      const [admin] = await db.select().from(users).where(eq(users.email, ADMIN.email));
      const actor = actorOf(admin);

      // Registering a group with 60 addresses.
      const registration = registerGroupSchema("2026-11-25").parse({
        name: "Buurtpreventie Logboek",
        areaCode: area.code,
        areaDescription: `${STREET} en omgeving`,
        admin: { name: ADMIN.name, phone: ADMIN.national, birthDate: "1984-03-14", address: { postcode: "2922 AB", houseNumber: "12", addition: "" } },
        coAdmins: [],
        addressList: addresses(60, "2922", STREET).map((a) => `${a.postcode} ${a.houseNumber}`).join("\n"),
        whatsappInviteLink: "",
        acceptHouseRules: true,
        residentsConfirmed: true,
      });
      const group = await registerGroup(actor, registration);

      // A resident asks to join; the admin accepts.
      await submitJoinRequest(
        { groupSlug: group.slug, name: RESIDENT.name, email: RESIDENT.email, phone: RESIDENT.phone, birthDate: "1990-02-03", address: { postcode: "2922AB", houseNumber: 14, addition: "" }, acceptHouseRules: true, honeypot: "" },
        { ip: "192.0.2.11", now: new Date() },
      );
      const [request] = (await listOpenJoinRequests(actor, group.groupId))!;
      await decideJoinRequest(actor, group.groupId, request.id, { decision: "accept", message: "" });

      // A bord request, reviewed and approved by staff.
      const bord = await requestBord(actor, group.groupId, bordRequestSchema.parse({ bordCount: "1", street: STREET, nearHouseNumber: "12", description: "Bij de ingang", note: `Bel ${ADMIN.national}` }));
      const staff = actorOf(staffUser);
      const reviewed = await decideBordRequest(staff, bordDecisionSchema.parse({ action: "review", requestId: bord.id, version: "1" }));
      await decideBordRequest(staff, bordDecisionSchema.parse({ action: "approve", requestId: bord.id, version: String(reviewed.version), note: "In orde." }));

      // Mail: the server greylists (451) and then refuses (550) naming the recipient, then is down.
      sink.refuseWith(451, `4.7.1 <${RESIDENT.email}>: Recipient address rejected: greylisted`);
      await deliverDueMail({ transport, limit: 3 });
      sink.refuseWith(550, `5.1.1 <${ADMIN.email}>: Recipient address rejected: User unknown in virtual mailbox table`);
      await deliverDueMail({ transport, limit: 3, now: new Date(Date.now() + 3 * 60_000) });
      sink.accept();
      await sink.stop();
      await deliverDueMail({ transport, limit: 3, now: new Date(Date.now() + 10 * 60_000) });
      await sink.start();
      await deliverDueMail({ transport, limit: 100, now: new Date(Date.now() + 60 * 60_000) });

      // An unexpected error whose message carries what a database error might (a failing action).
      errorResult(new Error(`duplicate key value: (${RESIDENT.email}, ${RESIDENT.phone}, 2922AB 14)`), "test.unexpected");
      logger.warn("Something odd", new Error(`Key (email)=(${ADMIN.email}) already exists; ${ADMIN.national}`));

      // The retention round and a platform admin's export and erasure.
      const job = createRetentionJob({ firstRunMs: 3_600_000, now: () => new Date(Date.now() + 40 * 86_400_000) });
      await job.tick();
      job.stop();
      await exportPersonalData(actorOf(platformAdmin), RESIDENT.email);
      await erasePersonalData(actorOf(platformAdmin), { email: RESIDENT.email, dissolveSoleAdminGroups: false });
    } finally {
      transport.close();
    }

    const text = captured.join("\n");
    // The journey did log (so the capture works): sign-in refusal, mail retries, the failure.
    expect(text).toMatch(/Sign-in refused/);
    expect(text).toMatch(/not delivered/);
    expect(text).toMatch(/test\.unexpected failed/);
    const lower = text.toLowerCase();
    const leaks = SECRETS.filter((secret) => lower.includes(secret.toLowerCase()));
    expect(leaks, `personal data in the logs:\n${text}`).toEqual([]);
  });

  it("the logger blanks what looks like an e-mail address, phone number or postcode, and leaves ids and times alone", () => {
    const line = redact(
      "to <Jan.de-Vries+buurt@Example.NL> tel +31 6 12345678, 0031612345678, 06-12345678, 0612345678, (010) 1234567; 2922 AB 12 and 2922AB",
    );
    for (const secret of ["Jan.de-Vries", "Example.NL", "12345678", "1234567", "2922"]) expect(line).not.toContain(secret);
    const ids = "E-mail 42 at 2026-11-25T13:04:39.073Z, group 0a1b2c3d-0123-4567-8901-23456789abcd, port 127.0.0.1:42615, 2 attempt(s)";
    expect(redact(ids)).toBe(ids);
  });
});
