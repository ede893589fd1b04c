/**
 * The XSS corpus (e2e/fixtures/xss-payloads.ts, all 65 payloads) through server rendering:
 * every page that shows text people typed, rendered as Next.js renders it on the server (the
 * page's async function awaited with its params and searchParams, inside its layout, then
 * react-dom/server), signed in as the right role, on a test database where every free-text
 * field holds each payload (each field with a word of its own around it, see `F`); plus the
 * CSV exports, the JSON API and every mail template. On every render: no executable markup
 * (no element that runs or loads script, no on* attribute, no javascript:/vbscript:/
 * data:text/html URL in href/src/action/formaction, no refresh, no CSS that runs script:
 * tests/html-safety.ts) and each field's text shown, escaped.
 *
 * Page types covered (field × 65 payloads; "all" = the list shows every payload's row):
 *   public    /groepen/[slug]: group name, description, wijk name · /zoeken (postcode look-up):
 *             group name, wijk name · /wijken: all wijk names · /wijken/[slug]: wijk name, group
 *             name · /dev/mailbox: all subjects · /dev/mailbox/[id]: subject, names in the text
 *             (its web addresses made links) · text in the address bar: /zoeken, /inloggen?terug,
 *             /dev/mailbox?aan; /groepen/<payload> and /wijken/<payload> are 404
 *   resident  /groep-starten: the admin's stored name (prefilled) · /mijn-groepen: all group
 *             names · /mijn-groepen/[id] (layout + overview): group name · …/beheerders:
 *             co-admin's name · …/adressen: street names · …/aanmeldingen: resident's name ·
 *             …/bord: street, place, note, staff notes, reason of rejection · …/flyer: group
 *             and wijk name (QR code drawn by React) · …/opheffen: group name ·
 *             /uitnodiging/[token]: group and wijk name
 *   staff     /beheer: all wijk names · /beheer/groepen (both pages): all group and wijk names ·
 *             /beheer/groepen/[id]: group name, description, wijk, co-admin's name ·
 *             /beheer/borden (both pages): all group and wijk names · /beheer/borden/[id] (open
 *             and rejected): group, wijk, street, place, note, staff notes, reason ·
 *             /beheer/wijken: all wijk and contact names · /beheer/gebruikers: all account
 *             names · /beheer/audit · /beheer/e-mail: all subjects of undelivered mail · text in
 *             the address bar of /beheer/groepen, /beheer/borden and /beheer/audit
 *   wijkagent /wijkagent: all group, wijk and admin names · /wijkagent/groepen/[id]: group,
 *             wijk, admin names, street names
 *   exports   /beheer/groepen/export and /wijkagent/export (CSV parses, group name in a cell of
 *             its own, formula starts escaped; admin names) · /api/v1/groepen/[slug] and
 *             /api/v1/wijken (JSON: group and wijk names unchanged)
 *   e-mail    all 14 templates, text and HTML, with the payload in every field a person typed
 *
 * Not here, because the server does not render it: the values of react-hook-form forms (the
 * group details on /mijn-groepen/[id], the invitation form), filled in by the browser; the
 * registration wizard's steps after the first and its review step; messages a form shows after
 * a failed submit. For those (and the Content-Security-Policy) e2e/xss.spec.ts keeps one
 * browser check per page type.
 */
import { createHash } from "node:crypto";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { and, eq, ne } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { XSS_PAYLOADS } from "@/e2e/fixtures/xss-payloads";
import { aContact, addresses, aGroup, aMunicipality, anArea, aBordRequest, aUser } from "@/db/seed/builders";
import { auditLog, groupAdminInvitations, joinRequests, mailOutbox, memberAddresses, sessions, bordRequestEvents, type Area, type Group, type User } from "@/db/schema";
import { hashInvitationToken } from "@/lib/data/internal/invitations";
import { resetEnvForTests } from "@/lib/env";
import { adminInvitationMail } from "@/lib/mail/templates/admin-invitation";
import { bordApprovedMail } from "@/lib/mail/templates/bord-approved";
import { bordPlacedMail } from "@/lib/mail/templates/bord-placed";
import { bordRejectedMail } from "@/lib/mail/templates/bord-rejected";
import { bordRequestReceivedMail } from "@/lib/mail/templates/bord-request-received";
import { groupDissolvedBordMail, groupDissolvedMail } from "@/lib/mail/templates/group-dissolved";
import { groupRegisteredAdminMail, groupRegisteredMail } from "@/lib/mail/templates/group-registered";
import { joinAcceptedMail } from "@/lib/mail/templates/join-accepted";
import { joinDeclinedMail } from "@/lib/mail/templates/join-declined";
import { joinRequestAdminMail, joinRequestConfirmationMail, joinRequestWithoutAdminMail } from "@/lib/mail/templates/join-request";
import type { MailContent } from "@/lib/mail/templates/layout";
import { signInLinkMail } from "@/lib/mail/templates/sign-in-link";
import { userInvitedMail } from "@/lib/mail/templates/user-invited";
import { routes } from "@/lib/routes";
import { withTestDatabase } from "@/tests/db";
import { escapedForms, executableMarkup } from "@/tests/html-safety";

// What Next.js gives a page during a request, here by hand: the session cookie of the actor the
// test signs in as, no dynamic-rendering bookkeeping, and a router for client components.
const request = vi.hoisted(() => ({ sessionToken: undefined as string | undefined, pathname: "/" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (request.sessionToken ? { name, value: request.sessionToken } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("next/navigation", async (importOriginal) => {
  const router = { push: () => {}, replace: () => {}, refresh: () => {}, back: () => {}, forward: () => {}, prefetch: () => {} };
  return {
    ...(await importOriginal<typeof import("next/navigation")>()),
    useRouter: () => router,
    usePathname: () => request.pathname,
    useSearchParams: () => new URLSearchParams(),
  };
});

const P = XSS_PAYLOADS;
const database = withTestDatabase();

// Demo mode (the demo mailbox is on) whichever database the tests run on: tests/db.ts has read
// DATABASE_URL already; the application reads its settings again after resetEnvForTests().
const savedEnv = { ...process.env };
beforeAll(() => {
  process.env = { ...savedEnv, LOG_LEVEL: "silent" };
  delete process.env.DATABASE_URL;
  delete process.env.SMTP_URL;
  resetEnvForTests();
});
afterAll(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

// ---------------------------------------------------------------------------------------------
// Rendering and checking

type Props = Record<string, unknown>;
type PageFn = (props: never) => Promise<ReactNode> | ReactNode;

/** Renders a page as the actor holding `sessionToken`, at `path` (its query becomes searchParams). */
async function renderPage(page: PageFn, path: string, options: { as?: string | null; params?: Record<string, string>; layout?: PageFn } = {}): Promise<string> {
  const url = new URL(path, "http://localhost");
  request.sessionToken = options.as ?? undefined;
  request.pathname = url.pathname;
  const searchParams: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const had = searchParams[key];
    searchParams[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  const props = { params: Promise.resolve(options.params ?? {}), searchParams: Promise.resolve(searchParams) } as Props;
  let element = await (page as (p: Props) => Promise<ReactNode>)(props);
  if (options.layout) element = await (options.layout as (p: Props) => Promise<ReactNode>)({ ...props, children: element });
  return renderToStaticMarkup(createElement("div", null, element));
}

/**
 * Whether `html` shows `text` escaped: in one piece (a text node or an attribute value), or as
 * the page's text with its tags taken out (the mailbox makes web addresses in a text links).
 */
function showsEscaped(html: string, text: string): boolean {
  const shown = html.replace(/<[^>]*>/g, "");
  return escapedForms(text).some((form) => html.includes(form) || shown.includes(form));
}

/** Nothing in `html` can run script, and each of `texts` is in it as escaped text. */
function expectSafe(html: string, where: string, texts: readonly string[] = []): void {
  expect(executableMarkup(html), `script or markup got in on ${where}`).toEqual([]);
  for (const text of texts) expect(showsEscaped(html, text), `${where} shows ${JSON.stringify(text)} as text`).toBe(true);
}

/** The error a page throws for notFound() or redirect(): Next.js's digest. */
async function digestOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return String((error as { digest?: unknown } | null)?.digest ?? error);
}

// ---------------------------------------------------------------------------------------------
// The world: one municipality, and for every payload a wijk, a group, its co-admin, an open join
// request, an open and a rejected bord request, a wethouder, an account and an invitation, each
// holding the payload in every free-text field.

/**
 * Each free-text field holds the payload with a word of its own around it, so that each check
 * below finds the field it is about (and not the same text from another field).
 */
const F = {
  group: (p: string) => p,
  description: (p: string) => `Straten: ${p}\n${p}`,
  area: (p: string) => `Wijk ${p}`,
  coAdmin: (p: string) => `Beheerder ${p}`,
  resident: (p: string) => `Bewoner ${p}`,
  memberStreet: (p: string) => `Laan ${p}`,
  street: (p: string) => `Straat ${p}`,
  place: (p: string) => `Plek ${p}`,
  note: (p: string) => `Opmerking ${p}`,
  staffNote: (p: string) => `Notitie ${p}`,
  reason: (p: string) => `Reden ${p}`,
  wethouder: (p: string) => `Wethouder ${p}`,
  account: (p: string) => `Collega ${p}`,
  deadMail: (p: string) => `Onbestelbaar ${p}`,
};
const all = (field: (p: string) => string) => P.map(field);

interface PerPayload {
  payload: string;
  area: Area;
  group: Group;
  coAdmin: User;
  openBordId: string;
  rejectedBordId: string;
  invitationToken: string;
  mailId: number;
}

const world = {
  perPayload: [] as PerPayload[],
  admin: "",
  staff: "",
  platformAdmin: "",
  wijkagent: "",
  coAdminSession: [] as string[],
};

async function sessionFor(user: User): Promise<string> {
  const { db } = database.current.handle;
  const token = createHash("sha256").update(`sessie-${user.id}`).digest("hex");
  await db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
  return token;
}

beforeAll(async () => {
  const { db } = database.current.handle;
  const municipality = await aMunicipality(db, { name: "Krimpen aan den IJssel", bordThreshold: 50 });
  const admin = await aUser(db, { name: "Sanne de Vries", email: "sanne@bewoner.example", phone: "+31612345678" });
  const staff = await aUser(db, { role: "staff", municipalityId: municipality.id, name: "Lotte Jansen", email: "lotte@gemeente.example" });
  const platformAdmin = await aUser(db, { role: "platform_admin", name: "Platform Beheer", email: "platform@gemeente.example" });
  const agent = await aUser(db, { role: "wijkagent", municipalityId: municipality.id, name: "Rick Visser", email: "rick@politie.example" });
  world.admin = await sessionFor(admin);
  world.staff = await sessionFor(staff);
  world.platformAdmin = await sessionFor(platformAdmin);
  world.wijkagent = await sessionFor(agent);

  const areasOfAgent: Area[] = [];
  for (const [i, payload] of P.entries()) {
    const postcode = String(3000 + i);
    const area = await anArea(db, municipality, { name: F.area(payload), slug: `wijk-${i}`, postcodes: [postcode] });
    areasOfAgent.push(area);
    const coAdmin = await aUser(db, { name: F.coAdmin(payload), email: `beheerder${i}@bewoner.example`, phone: "+31687654321" });
    const group = await aGroup(db, area, {
      name: F.group(payload),
      slug: `groep-${i}`,
      description: F.description(payload),
      admins: [admin, coAdmin],
      // Street names come from the address service (verified addresses), shown to admins and the wijkagent.
      addresses: addresses(3, postcode, F.memberStreet(payload)).map((address) => ({ ...address, verified: true })),
    });
    await db.insert(joinRequests).values({
      groupId: group.id,
      name: F.resident(payload),
      email: `bewoner${i}@bewoner.example`,
      phone: "+31611111111",
      birthDate: "1990-01-01",
      postcode: `${postcode}AB`,
      houseNumber: 99,
      addition: "",
    });
    const bordTexts = { street: F.street(payload), locationDescription: F.place(payload), note: F.note(payload), requestedBy: admin, decidedBy: staff };
    const rejected = await aBordRequest(db, group, { status: "rejected", ...bordTexts, reason: F.reason(payload) });
    // The staff member's notes on each step (the rejection's note is the reason).
    await db.update(bordRequestEvents).set({ note: F.staffNote(payload) }).where(and(eq(bordRequestEvents.bordRequestId, rejected.id), ne(bordRequestEvents.toStatus, "rejected")));
    const open = await aBordRequest(db, group, { status: "in_review", ...bordTexts });
    await db.update(bordRequestEvents).set({ note: F.staffNote(payload) }).where(eq(bordRequestEvents.bordRequestId, open.id));
    await aContact(db, municipality, "wethouder", [area], { name: F.wethouder(payload), email: `wethouder${i}@gemeente.example` });
    await aUser(db, { role: "staff", municipalityId: municipality.id, name: F.account(payload), email: `collega${i}@gemeente.example` });
    const invitationToken = `uitnodiging-${String(i).padStart(3, "0")}-${"x".repeat(20)}`;
    await db.insert(groupAdminInvitations).values({
      groupId: group.id,
      email: coAdmin.email,
      tokenHash: hashInvitationToken(invitationToken),
      invitedByUserId: admin.id,
      expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    });
    const mail = joinRequestAdminMail({
      appUrl: "http://localhost:3000",
      groupId: group.id,
      groupName: F.group(payload),
      adminName: F.coAdmin(payload),
      resident: { name: F.resident(payload), email: "bram@bewoner.example", phone: "+31611111111", postcode: "2922AB", houseNumber: 1, addition: "" },
    });
    const [row] = await db
      .insert(mailOutbox)
      .values({ idempotencyKey: `xss:${i}`, kind: "join_request_admin", toAddress: `beheerder${i}@bewoner.example`, ...mail, status: "sent", sentAt: new Date(), transport: "mailbox" })
      .returning({ id: mailOutbox.id });
    await db.insert(mailOutbox).values({ idempotencyKey: `xss-dead:${i}`, kind: "join_request_admin", toAddress: `dood${i}@bewoner.example`, subject: F.deadMail(payload), text: payload, status: "dead", lastError: payload });
    await db.insert(auditLog).values({ actorUserId: staff.id, action: "group.update", subjectType: "group", subjectId: group.id, municipalityId: municipality.id, details: { name: payload } });
    world.perPayload.push({ payload, area, group, coAdmin, openBordId: open.id, rejectedBordId: rejected.id, invitationToken, mailId: row.id });
    world.coAdminSession.push(await sessionFor(coAdmin));
  }
  // The wijkagent works in every wijk.
  await aContact(db, municipality, "wijkagent", areasOfAgent, { name: "Rick Visser", email: "rick@politie.example", userId: agent.id });
  expect(await db.$count(memberAddresses)).toBe(3 * P.length);
});

/** The pages, imported once (their modules pull in most of the application). */
async function pages() {
  return {
    group: (await import("@/app/(public)/groepen/[slug]/page")).default,
    search: (await import("@/app/(public)/zoeken/page")).default,
    areas: (await import("@/app/(public)/wijken/page")).default,
    area: (await import("@/app/(public)/wijken/[slug]/page")).default,
    signIn: (await import("@/app/(public)/inloggen/page")).default,
    mailbox: (await import("@/app/dev/mailbox/page")).default,
    mailboxMessage: (await import("@/app/dev/mailbox/[id]/page")).default,
    startGroup: (await import("@/app/(resident)/groep-starten/page")).default,
    myGroups: (await import("@/app/(resident)/mijn-groepen/page")).default,
    myGroupLayout: (await import("@/app/(resident)/mijn-groepen/[id]/layout")).default,
    myGroup: (await import("@/app/(resident)/mijn-groepen/[id]/page")).default,
    myGroupAdmins: (await import("@/app/(resident)/mijn-groepen/[id]/beheerders/page")).default,
    myGroupAddresses: (await import("@/app/(resident)/mijn-groepen/[id]/adressen/page")).default,
    myGroupJoinRequests: (await import("@/app/(resident)/mijn-groepen/[id]/aanmeldingen/page")).default,
    myGroupBord: (await import("@/app/(resident)/mijn-groepen/[id]/bord/page")).default,
    myGroupFlyer: (await import("@/app/(resident)/mijn-groepen/[id]/flyer/page")).default,
    myGroupDissolve: (await import("@/app/(resident)/mijn-groepen/[id]/opheffen/page")).default,
    invitation: (await import("@/app/(resident)/uitnodiging/[token]/page")).default,
    staffLayout: (await import("@/app/beheer/layout")).default,
    staffHome: (await import("@/app/beheer/page")).default,
    staffGroups: (await import("@/app/beheer/groepen/page")).default,
    staffGroup: (await import("@/app/beheer/groepen/[id]/page")).default,
    staffBords: (await import("@/app/beheer/borden/page")).default,
    staffBord: (await import("@/app/beheer/borden/[id]/page")).default,
    staffAreas: (await import("@/app/beheer/wijken/page")).default,
    staffUsers: (await import("@/app/beheer/gebruikers/page")).default,
    staffAudit: (await import("@/app/beheer/audit/page")).default,
    staffMail: (await import("@/app/beheer/e-mail/page")).default,
    wijkagentHome: (await import("@/app/wijkagent/page")).default,
    wijkagentGroup: (await import("@/app/wijkagent/groepen/[id]/page")).default,
  };
}
let page: Awaited<ReturnType<typeof pages>>;
beforeAll(async () => {
  page = await pages();
});

/** Renders a list page and the pages after it (its "Volgende pagina" link), all together. */
async function renderAllPages(fn: PageFn, path: string, as: string): Promise<string> {
  let html = "";
  let next: string | null = path;
  for (let n = 0; next && n < 10; n += 1) {
    const one = await renderPage(fn, next, { as, layout: page.staffLayout });
    html += one;
    const link: string | undefined = one.match(/<a href="([^"]+)">Volgende pagina<\/a>/)?.[1];
    next = link ? link.replaceAll("&amp;", "&") : null;
  }
  return html;
}

describe("the corpus", () => {
  it("is the e2e corpus, large and varied", () => {
    expect(P.length).toBeGreaterThanOrEqual(50);
    expect(new Set(P).size).toBe(P.length);
  });
});

// ---------------------------------------------------------------------------------------------

describe("public pages", () => {
  it("/groepen/[slug]: group name, description and wijk name", async () => {
    for (const { payload, group } of world.perPayload) {
      const html = await renderPage(page.group, routes.group(group.slug), { params: { slug: group.slug } });
      expectSafe(html, routes.group(group.slug), [F.group(payload), F.description(payload), F.area(payload)]);
    }
  });

  it("/zoeken: the groups for a postcode and the wijk's name", async () => {
    for (const [i, { payload }] of world.perPayload.entries()) {
      const path = `${routes.search}?postcode=${3000 + i}AB&huisnummer=1`;
      expectSafe(await renderPage(page.search, path), path, [F.group(payload), F.area(payload)]);
    }
  });

  it("/wijken and /wijken/[slug]: wijk names and their groups", async () => {
    expectSafe(await renderPage(page.areas, routes.areas), routes.areas, all(F.area));
    for (const { payload, area } of world.perPayload) {
      const html = await renderPage(page.area, routes.area(area.slug), { params: { slug: area.slug } });
      expectSafe(html, routes.area(area.slug), [F.area(payload), F.group(payload)]);
    }
  });

  it("/dev/mailbox and /dev/mailbox/[id]: subjects and the text of each e-mail", async () => {
    const list = await renderPage(page.mailbox, routes.mailbox.list);
    expectSafe(list, routes.mailbox.list, P.map((p) => `Nieuwe aanmelding voor ${F.group(p)}`));
    for (const { payload, mailId } of world.perPayload) {
      const html = await renderPage(page.mailboxMessage, routes.mailbox.message(mailId), { params: { id: String(mailId) } });
      expectSafe(html, routes.mailbox.message(mailId), [`Nieuwe aanmelding voor ${F.group(payload)}`, `Beste ${F.coAdmin(payload)},`, `Naam: ${F.resident(payload)}`]);
    }
  });

  it("text in the address bar is shown as text, or gives a 404", async () => {
    for (const payload of P) {
      const q = encodeURIComponent(payload);
      for (const path of [`${routes.search}?postcode=${q}&huisnummer=${q}&toevoeging=${q}`, `${routes.signIn}?terug=${q}`, `${routes.mailbox.list}?aan=${q}`]) {
        const fn = path.startsWith(routes.search) ? page.search : path.startsWith(routes.signIn) ? page.signIn : page.mailbox;
        expectSafe(await renderPage(fn, path), path);
      }
      expect(await digestOf(renderPage(page.group, "/groepen/x", { params: { slug: payload } }))).toMatch(/404/);
      expect(await digestOf(renderPage(page.area, "/wijken/x", { params: { slug: payload } }))).toMatch(/404/);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("the group admin's pages", () => {
  it("/groep-starten: the admin's stored name, filled in", async () => {
    for (const [i, { payload }] of world.perPayload.entries()) {
      expectSafe(await renderPage(page.startGroup, routes.startGroup, { as: world.coAdminSession[i] }), routes.startGroup, [F.coAdmin(payload)]);
    }
  });

  it("/mijn-groepen: every group's name", async () => {
    expectSafe(await renderPage(page.myGroups, routes.myGroups.list, { as: world.admin }), routes.myGroups.list, all(F.group));
  });

  it("/mijn-groepen/[id] and its pages: name, description, admins, addresses, join requests, bord requests, flyer", async () => {
    const sub: Array<[PageFn, (id: string) => string, (p: string) => string[]]> = [
      // The details form's values are filled in by react-hook-form in the browser, not by the server.
      [page.myGroup, routes.myGroups.group, (p) => [F.group(p)]],
      [page.myGroupAdmins, routes.myGroups.admins, (p) => [F.group(p), F.coAdmin(p)]],
      [page.myGroupAddresses, routes.myGroups.addresses, (p) => [F.group(p), F.memberStreet(p)]],
      [page.myGroupJoinRequests, routes.myGroups.joinRequests, (p) => [F.group(p), F.resident(p)]],
      [page.myGroupBord, routes.myGroups.bord, (p) => [F.group(p), F.street(p), F.place(p), F.note(p), F.staffNote(p), F.reason(p)]],
      [page.myGroupFlyer, routes.myGroups.flyer, (p) => [F.group(p), F.area(p)]],
      [page.myGroupDissolve, routes.myGroups.dissolve, (p) => [F.group(p)]],
    ];
    for (const { payload, group } of world.perPayload) {
      for (const [fn, route, shown] of sub) {
        const path = route(group.id);
        const html = await renderPage(fn, path, { as: world.admin, params: { id: group.id }, layout: page.myGroupLayout });
        expectSafe(html, path, shown(payload));
      }
    }
  });

  // The invitee's stored name goes into the form by react-hook-form, in the browser.
  it("/uitnodiging/[token]: group name and wijk name", async () => {
    for (const [i, { payload, invitationToken }] of world.perPayload.entries()) {
      const path = routes.invitation(invitationToken);
      expectSafe(await renderPage(page.invitation, path, { as: world.coAdminSession[i], params: { token: invitationToken } }), path, [F.group(payload), F.area(payload)]);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("the staff pages", () => {
  it("/beheer, /beheer/groepen, /beheer/borden, /beheer/wijken, /beheer/gebruikers: names in lists", async () => {
    expectSafe(await renderAllPages(page.staffHome, routes.staff.home, world.staff), routes.staff.home, all(F.area));
    expectSafe(await renderAllPages(page.staffGroups, routes.staff.groups, world.staff), routes.staff.groups, [...all(F.group), ...all(F.area)]);
    expectSafe(await renderAllPages(page.staffBords, `${routes.staff.bords}?status=alle`, world.staff), routes.staff.bords, [...all(F.group), ...all(F.area)]);
    expectSafe(await renderAllPages(page.staffAreas, routes.staff.areas, world.staff), routes.staff.areas, [...all(F.area), ...all(F.wethouder)]);
    expectSafe(await renderAllPages(page.staffUsers, routes.staff.users, world.staff), routes.staff.users, all(F.account));
    expectSafe(await renderAllPages(page.staffAudit, routes.staff.audit, world.staff), routes.staff.audit);
    expectSafe(await renderAllPages(page.staffMail, routes.staff.mail, world.platformAdmin), routes.staff.mail, all(F.deadMail));
  });

  it("/beheer/groepen/[id] and /beheer/borden/[id]: group, description, wijk, admins, and each bord request's texts", async () => {
    for (const { payload, group, openBordId, rejectedBordId } of world.perPayload) {
      let path = routes.staff.group(group.id);
      expectSafe(await renderPage(page.staffGroup, path, { as: world.staff, params: { id: group.id }, layout: page.staffLayout }), path, [
        F.group(payload),
        F.description(payload),
        F.area(payload),
        F.coAdmin(payload),
      ]);
      for (const [id, extra] of [[openBordId, []], [rejectedBordId, [F.reason(payload)]]] as const) {
        path = routes.staff.bord(id);
        expectSafe(await renderPage(page.staffBord, path, { as: world.staff, params: { id }, layout: page.staffLayout }), path, [
          F.group(payload),
          F.area(payload),
          F.street(payload),
          F.place(payload),
          F.note(payload),
          F.staffNote(payload),
          ...extra,
        ]);
      }
    }
  });

  it("text in the address bar of the staff lists is shown as text", async () => {
    for (const payload of P) {
      const q = encodeURIComponent(payload);
      for (const [fn, path] of [
        [page.staffGroups, `${routes.staff.groups}?wijk=${q}&sorteer=${q}&na=${q}`],
        [page.staffBords, `${routes.staff.bords}?status=${q}&wijk=${q}`],
        [page.staffAudit, `${routes.staff.audit}?actie=${q}`],
      ] as const) {
        expectSafe(await renderPage(fn, path, { as: world.staff }), path);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("the wijkagent's pages", () => {
  it("/wijkagent and /wijkagent/groepen/[id]: group and wijk names, admin names, streets", async () => {
    expectSafe(await renderPage(page.wijkagentHome, routes.wijkagent.home, { as: world.wijkagent }), routes.wijkagent.home, [...all(F.group), ...all(F.area), ...all(F.coAdmin)]);
    for (const { payload, group } of world.perPayload) {
      const path = routes.wijkagent.group(group.id);
      expectSafe(await renderPage(page.wijkagentGroup, path, { as: world.wijkagent, params: { id: group.id } }), path, [
        F.group(payload),
        F.area(payload),
        F.coAdmin(payload),
        F.memberStreet(payload),
      ]);
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** The cells of `column` in a CSV answer, which must parse and have no cell that starts like a formula. */
async function csvColumn(response: Response, column: string): Promise<string[]> {
  expect(response.status).toBe(200);
  const parsed = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ";", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const index = parsed.data[0].indexOf(column);
  expect(index, column).toBeGreaterThanOrEqual(0);
  const cells = parsed.data.slice(1).map((row) => row[index]);
  for (const cell of cells) expect(cell, "no cell starts like a formula").not.toMatch(/^\s*[=+\-@\t\r]/);
  return cells;
}

/** A payload as a CSV cell holds it: a formula start escaped with '. */
const asCell = (text: string) => (/^\s*[=+\-@]/.test(text) ? `'${text}` : text);

describe("the CSV exports and the JSON API", () => {
  it("/beheer/groepen/export and /wijkagent/export: well-formed, every group name in a cell of its own, formulas escaped", async () => {
    const { GET: staffExport } = await import("@/app/beheer/groepen/export/route");
    const { GET: agentExport } = await import("@/app/wijkagent/export/route");
    request.sessionToken = world.staff;
    const staffCells = await csvColumn(await staffExport(new Request(`http://localhost${routes.staff.groupsExport}`)), "Groep");
    const staffAdmins = (await csvColumn(await staffExport(new Request(`http://localhost${routes.staff.groupsExport}`)), "Beheerders")).join("\n");
    request.sessionToken = world.wijkagent;
    const agentCells = await csvColumn(await agentExport(), "Groep");
    for (const payload of P) {
      expect(staffCells, "staff export").toContain(asCell(payload));
      expect(agentCells, "wijkagent export").toContain(asCell(payload));
      expect(staffAdmins, "staff export, admins").toContain(F.coAdmin(payload));
    }
  });

  it("/api/v1/groepen/[slug] and /api/v1/wijken: JSON that holds each name unchanged", async () => {
    const { GET: apiGroup } = await import("@/app/api/v1/groepen/[slug]/route");
    const { GET: apiAreas } = await import("@/app/api/v1/wijken/route");
    const areas = await apiAreas(new Request("http://localhost/api/v1/wijken"));
    expect(areas.headers.get("content-type")).toContain("application/json");
    const areasText = await areas.text();
    for (const { payload, group } of world.perPayload) {
      expect(areasText).toContain(JSON.stringify(F.area(payload)).slice(1, -1));
      const response = await apiGroup(new Request(`http://localhost/api/v1/groepen/${group.slug}`), { params: Promise.resolve({ slug: group.slug }) });
      expect(response.headers.get("content-type")).toContain("application/json");
      expect((await response.json()) as unknown).toMatchObject({ name: F.group(payload), area: { name: F.area(payload) } });
    }
  });
});

// ---------------------------------------------------------------------------------------------

const APP = "https://bp.example";
const ID = "6f1c2d4e-0000-4000-8000-000000000001";
const resident = (p: string) => ({ name: p, email: "bram@bewoner.example", phone: "+31611111111", postcode: "2922AB", houseNumber: 1, addition: "" });

/** Every template, with `p` in every field a person typed (names, group and wijk names, street, notes, reasons). */
const TEMPLATES: Record<string, (p: string) => MailContent> = {
  signInLink: () => signInLinkMail({ url: `${APP}${routes.signInConfirm}?token=abc`, validMinutes: 15 }),
  userInvited: (p) => userInvitedMail({ recipientName: p, roleLabel: "medewerker", municipalityName: "Krimpen aan den IJssel", url: `${APP}${routes.staffInvitation("abc")}`, validDays: 14 }),
  adminInvitation: (p) => adminInvitationMail({ groupName: p, invitedByName: p, url: `${APP}${routes.invitation("abc")}`, validDays: 14 }),
  groupRegisteredAdmin: (p) =>
    groupRegisteredAdminMail({ adminName: p, groupName: p, areaName: p, addressCount: 3, threshold: 50, invited: 0, groupUrl: `${APP}${routes.myGroups.group("g")}` }),
  groupRegistered: (p) =>
    groupRegisteredMail({ recipientName: p, groupName: p, areaName: p, municipalityName: "Krimpen", adminName: p, adminEmail: "a@b.example", adminPhone: "+31612345678", addressCount: 3, publicUrl: `${APP}${routes.group("g")}` }),
  groupDissolved: (p) => groupDissolvedMail({ recipientName: p, groupName: p, areaName: p }),
  groupDissolvedBord: (p) => groupDissolvedBordMail({ groupName: p, areaName: p, states: ["placed", "approved", "withdrawn"], url: `${APP}${routes.staff.group(ID)}` }),
  joinRequestAdmin: (p) => joinRequestAdminMail({ appUrl: APP, groupId: ID, groupName: p, adminName: p, resident: resident(p) }),
  joinRequestWithoutAdmin: (p) => joinRequestWithoutAdminMail({ groupName: p, resident: resident(p) }),
  joinRequestConfirmation: (p) => joinRequestConfirmationMail({ groupName: p, municipalityEmail: "veiligheid@gemeente.example", resident: resident(p) }),
  joinAccepted: (p) => joinAcceptedMail({ residentName: p, groupName: p, whatsappInviteUrl: "https://chat.whatsapp.com/abc", message: p }),
  joinDeclined: (p) => joinDeclinedMail({ residentName: p, groupName: p, reason: p }),
  bordRequestReceived: (p) =>
    bordRequestReceivedMail({ groupName: p, areaName: p, bordCount: 1, street: p, nearHouseNumber: 4, description: p, point: null, note: p, counted: 60, threshold: 50, reviewUrl: `${APP}${routes.staff.bord(ID)}` }),
  bordApprovedToAdmin: (p) => bordApprovedMail({ audience: "group_admin", recipientName: p, groupName: p, areaName: p, bordCount: 1, street: p, url: `${APP}${routes.myGroups.bord(ID)}` }),
  bordApprovedToWijkagent: (p) => bordApprovedMail({ audience: "wijkagent", recipientName: p, groupName: p, areaName: p, bordCount: 1, street: p, url: `${APP}${routes.wijkagent.group(ID)}` }),
  bordRejected: (p) => bordRejectedMail({ recipientName: p, groupName: p, reason: p, url: `${APP}${routes.myGroups.bord(ID)}` }),
  bordPlaced: (p) => bordPlacedMail({ recipientName: p, groupName: p, placedOn: "2026-11-20", placedLocation: p, placedCount: 1, url: `${APP}${routes.myGroups.group(ID)}` }),
};

describe("every e-mail template", () => {
  it.each(Object.keys(TEMPLATES))("%s: the text part holds each payload as typed, the HTML part escaped and inert", (name) => {
    for (const payload of P) {
      const mail = TEMPLATES[name](payload);
      expectSafe(mail.html, `${name} (HTML)`, name === "signInLink" ? [] : [payload]);
      if (name !== "signInLink") expect(mail.text, `${name} (text)`).toContain(payload);
      // The subject is a header, one line: a payload cannot add a header.
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
  });
});
