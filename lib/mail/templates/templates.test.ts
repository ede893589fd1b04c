/**
 * Every mail template: what the recipient needs is in the subject, the text and the HTML (the
 * group, the names, the right link), text that people typed is escaped in the HTML, and every
 * link leads to a page that exists in app/. The links as lib/data really builds them are
 * checked in lib/mail/links.test.ts; the whole XSS corpus goes through every template in
 * tests/security/xss-render.test.ts.
 */
import { describe, expect, it } from "vitest";
import { routes } from "@/lib/routes";
import { linksInMail, pathOfLink, routeFor } from "@/tests/app-routes";
import { executableMarkup } from "@/tests/html-safety";
import { adminInvitationMail } from "./admin-invitation";
import { bordApprovedMail } from "./bord-approved";
import { bordPlacedMail } from "./bord-placed";
import { bordRejectedMail } from "./bord-rejected";
import { bordRequestReceivedMail } from "./bord-request-received";
import { groupDissolvedBordMail, groupDissolvedMail } from "./group-dissolved";
import { groupRegisteredAdminMail, groupRegisteredMail } from "./group-registered";
import { joinAcceptedMail } from "./join-accepted";
import { joinDeclinedMail } from "./join-declined";
import { joinRequestAdminMail, joinRequestConfirmationMail, joinRequestWithoutAdminMail } from "./join-request";
import type { MailContent } from "./layout";
import { signInLinkMail } from "./sign-in-link";
import { userInvitedMail } from "./user-invited";

const APP = "https://bp.example";
const GROUP_ID = "6f1c2d4e-0000-4000-8000-000000000001";
const REQUEST_ID = "6f1c2d4e-0000-4000-8000-000000000002";
const WHATSAPP = "https://chat.whatsapp.com/AbCdEf123456";

/** A few payloads of the corpus (all of it runs in tests/security/xss-render.test.ts). */
const PAYLOADS = ["<script>__xss(1)</script>", '"><img src=x onerror=__xss(2)>', "' onmouseover='__xss(3)' x='", "</title><svg onload=__xss(4)>"];

const resident = (name: string) => ({ name, email: "bram@bewoner.example", phone: "+31687654321", postcode: "2922AB", houseNumber: 7, addition: "A" });

interface Case {
  /** The template, with `t` in every field a person typed. */
  build: (t: string) => MailContent;
  /** Text the subject must hold (with `t` for the typed text). */
  subject: (t: string) => string;
  /** Texts the body (text and HTML) must hold. */
  body: (t: string) => string[];
  /** The links the mail must carry, in this order. */
  links: string[];
}

const CASES: Record<string, Case> = {
  signInLink: {
    build: () => signInLinkMail({ url: `${APP}${routes.signInConfirm}?email=a%40b.nl&token=abc`, validMinutes: 15 }),
    subject: () => "Uw inloglink",
    body: () => ["15 minuten", "één keer"],
    links: [`${APP}${routes.signInConfirm}?email=a%40b.nl&token=abc`],
  },
  userInvited: {
    build: (t) =>
      userInvitedMail({ recipientName: t, roleLabel: "wijkagent", municipalityName: "Krimpen aan den IJssel", url: `${APP}${routes.staffInvitation("abc123")}`, validDays: 14 }),
    subject: () => "Uitnodiging: wijkagent voor Krimpen aan den IJssel",
    body: (t) => [`Beste ${t},`, "wijkagent", "Krimpen aan den IJssel", "Pas dan krijgt uw account deze rol.", "14 dagen"],
    links: [`${APP}${routes.staffInvitation("abc123")}`],
  },
  adminInvitation: {
    build: (t) => adminInvitationMail({ groupName: t, invitedByName: `${t} Sanne`, url: `${APP}${routes.invitation("abc_DEF-123")}`, validDays: 14 }),
    subject: (t) => `Uitnodiging: beheerder van ${t}`,
    body: (t) => [`${t} Sanne nodigt u uit`, `"${t}"`, "14 dagen"],
    links: [`${APP}${routes.invitation("abc_DEF-123")}`],
  },
  groupRegistered: {
    build: (t) =>
      groupRegisteredMail({
        recipientName: `${t} Rick`,
        groupName: t,
        areaName: `${t} wijk`,
        municipalityName: "Krimpen aan den IJssel",
        adminName: `${t} Sanne`,
        adminEmail: "sanne@bewoner.example",
        adminPhone: "+31612345678",
        addressCount: 61,
        publicUrl: `${APP}${routes.group("buurtpreventie-tiendweg")}`,
      }),
    subject: (t) => `Nieuwe buurtpreventiegroep in ${t} wijk: ${t}`,
    body: (t) => [`Beste ${t} Rick,`, `Groepsbeheerder: ${t} Sanne`, "sanne@bewoner.example", "+31612345678", "Deelnemende adressen: 61"],
    links: [`${APP}${routes.group("buurtpreventie-tiendweg")}`],
  },
  groupRegisteredToWethouder: {
    build: (t) =>
      groupRegisteredMail({
        recipientName: "Anne de Graaf",
        recipientKind: "wethouder",
        groupName: t,
        areaName: `${t} wijk`,
        municipalityName: "Krimpen aan den IJssel",
        adminName: `${t} Sanne`,
        adminEmail: "sanne@bewoner.example",
        adminPhone: "06 12345678",
        addressCount: 61,
        publicUrl: `${APP}${routes.group("buurtpreventie-tiendweg")}`,
      }),
    subject: (t) => `Nieuwe buurtpreventiegroep in ${t} wijk: ${t}`,
    body: (t) => ["Geachte wethouder De Graaf,", `Groepsbeheerder: ${t} Sanne`, "Telefoon: 06 12345678"],
    links: [`${APP}${routes.group("buurtpreventie-tiendweg")}`],
  },
  groupRegisteredAdmin: {
    build: (t) =>
      groupRegisteredAdminMail({ adminName: `${t} Sanne`, groupName: t, areaName: `${t} wijk`, addressCount: 12, threshold: 50, invited: 1, groupUrl: `${APP}${routes.myGroups.group(GROUP_ID)}` }),
    subject: (t) => `Uw groep is aangemeld: ${t}`,
    body: (t) => [`Beste ${t} Sanne,`, `${t} in de wijk ${t} wijk is aangemeld`, "U hebt er nu 12.", "De medebeheerder die u uitnodigde krijgt"],
    links: [`${APP}${routes.myGroups.group(GROUP_ID)}`],
  },
  groupDissolved: {
    build: (t) => groupDissolvedMail({ recipientName: `${t} Rick`, groupName: t, areaName: `${t} wijk` }),
    subject: (t) => `Buurtpreventiegroep opgeheven: ${t}`,
    body: (t) => [`Beste ${t} Rick,`, `"${t}" in de wijk ${t} wijk is opgeheven`],
    links: [],
  },
  groupDissolvedBord: {
    build: (t) =>
      groupDissolvedBordMail({ groupName: t, areaName: `${t} wijk`, states: ["placed", "withdrawn"], url: `${APP}${routes.staff.group(GROUP_ID)}` }),
    subject: (t) => `Groep met bord opgeheven: ${t}`,
    body: (t) => ["Beste team Veiligheid,", `"${t}" in de wijk ${t} wijk is opgeheven`, "Er staat een bord van deze groep.", "Die aanvraag is nu ingetrokken."],
    links: [`${APP}${routes.staff.group(GROUP_ID)}`],
  },
  joinRequestAdmin: {
    build: (t) => joinRequestAdminMail({ appUrl: APP, groupId: GROUP_ID, groupName: t, adminName: `${t} Sanne`, resident: resident(`${t} Bram`) }),
    subject: (t) => `Nieuwe aanmelding voor ${t}`,
    body: (t) => [`Beste ${t} Sanne,`, `${t} Bram wil meedoen`, "bram@bewoner.example", "06 87654321", "2922 AB 7 A"],
    links: [`${APP}${routes.myGroups.joinRequests(GROUP_ID)}`],
  },
  joinRequestWithoutAdmin: {
    build: (t) => joinRequestWithoutAdminMail({ groupName: t, resident: resident(`${t} Bram`) }),
    subject: (t) => `Aanmelding voor ${t} zonder groepsbeheerder`,
    body: (t) => [`Naam: ${t} Bram`, "bram@bewoner.example", "06 87654321"],
    links: [],
  },
  joinRequestConfirmation: {
    build: (t) => joinRequestConfirmationMail({ groupName: t, municipalityEmail: "veiligheid@gemeente.example", resident: resident(`${t} Bram`) }),
    subject: (t) => `Uw aanmelding voor ${t}`,
    body: (t) => [`Beste ${t} Bram,`, `Groep: ${t}`, "112", "0900-8844", "veiligheid@gemeente.example"],
    links: [],
  },
  joinAccepted: {
    build: (t) => joinAcceptedMail({ residentName: `${t} Bram`, groupName: t, whatsappInviteUrl: WHATSAPP, message: `${t} bericht` }),
    subject: (t) => `U bent welkom in ${t}`,
    body: (t) => [`Beste ${t} Bram,`, `Bericht van de beheerder: ${t} bericht`, "112"],
    links: [WHATSAPP],
  },
  joinAcceptedWithoutLink: {
    build: (t) => joinAcceptedMail({ residentName: t, groupName: t, whatsappInviteUrl: null, message: "" }),
    subject: (t) => `U bent welkom in ${t}`,
    body: () => ["De beheerder voegt u toe aan de WhatsApp-groep"],
    links: [],
  },
  joinDeclined: {
    build: (t) => joinDeclinedMail({ residentName: `${t} Bram`, groupName: t, reason: `${t} reden` }),
    subject: (t) => `Uw aanmelding bij ${t}`,
    body: (t) => [`Beste ${t} Bram,`, `De beheerder schrijft: ${t} reden`],
    links: [],
  },
  bordRequestReceived: {
    build: (t) =>
      bordRequestReceivedMail({
        groupName: t,
        areaName: `${t} wijk`,
        bordCount: 2,
        street: `${t} straat`,
        nearHouseNumber: 4,
        description: `${t} plek`,
        point: { lat: 51.92, lng: 4.59 },
        note: `${t} opmerking`,
        counted: 61,
        threshold: 50,
        reviewUrl: `${APP}${routes.staff.bord(REQUEST_ID)}`,
      }),
    subject: (t) => `Nieuwe bordaanvraag: ${t}`,
    body: (t) => [`Groep: ${t}`, `Wijk: ${t} wijk`, `Straat: ${t} straat`, "Bij huisnummer: 4", `Plek: ${t} plek`, "51.92, 4.59", `Opmerking: ${t} opmerking`, "61 (drempel 50)"],
    links: [`${APP}${routes.staff.bord(REQUEST_ID)}`],
  },
  bordApprovedToAdmin: {
    build: (t) => bordApprovedMail({ audience: "group_admin", recipientName: `${t} Sanne`, groupName: t, areaName: `${t} wijk`, bordCount: 1, street: `${t} straat`, url: `${APP}${routes.myGroups.bord(GROUP_ID)}` }),
    subject: (t) => `Bordaanvraag goedgekeurd: ${t}`,
    body: (t) => [`Beste ${t} Sanne,`, `Gewenste plek: ${t} straat`, "Aantal borden: 1"],
    links: [`${APP}${routes.myGroups.bord(GROUP_ID)}`],
  },
  bordApprovedToWijkagent: {
    build: (t) => bordApprovedMail({ audience: "wijkagent", recipientName: null, groupName: t, areaName: `${t} wijk`, bordCount: 2, street: `${t} straat`, url: `${APP}${routes.wijkagent.group(GROUP_ID)}` }),
    subject: (t) => `Buurtpreventiebord goedgekeurd in ${t} wijk: ${t}`,
    body: (t) => ["Beste lezer,", "omdat u wijkagent van deze wijk bent", `Groep: ${t}`],
    links: [`${APP}${routes.wijkagent.group(GROUP_ID)}`],
  },
  bordApprovedToWethouder: {
    build: (t) => bordApprovedMail({ audience: "wethouder", recipientName: `${t} De Graaf`, groupName: t, areaName: "Langeland", bordCount: 2, street: "Tiendweg", url: `${APP}${routes.group("tiendweg")}` }),
    subject: (t) => `Buurtpreventiebord goedgekeurd in Langeland: ${t}`,
    body: () => ["Geachte wethouder De Graaf,", "omdat u wethouder van deze wijk bent"],
    links: [`${APP}${routes.group("tiendweg")}`],
  },
  bordRejected: {
    build: (t) => bordRejectedMail({ recipientName: `${t} Sanne`, groupName: t, reason: `${t} reden`, url: `${APP}${routes.myGroups.bord(GROUP_ID)}` }),
    subject: (t) => `Bordaanvraag afgewezen: ${t}`,
    body: (t) => [`Beste ${t} Sanne,`, `${t} reden`],
    links: [`${APP}${routes.myGroups.bord(GROUP_ID)}`],
  },
  bordPlaced: {
    build: (t) => bordPlacedMail({ recipientName: `${t} Sanne`, groupName: t, placedOn: "2026-11-20", placedLocation: `${t} hoek`, placedCount: 2, url: `${APP}${routes.myGroups.group(GROUP_ID)}` }),
    subject: (t) => `Buurtpreventiebord geplaatst: ${t}`,
    body: (t) => [`Beste ${t} Sanne,`, "20 november 2026", `Plek: ${t} hoek`, "Er zijn 2 borden geplaatst."],
    links: [`${APP}${routes.myGroups.group(GROUP_ID)}`],
  },
};

const escapeHtml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** What a mail program shows of the HTML: the text of the body, a fact row as "label: value". */
function shownText(html: string): string {
  return html
    .replace(/^.*<body[^>]*>/, "")
    .replace(/<\/th><td[^>]*>/g, ": ")
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

describe.each(Object.entries(CASES))("the %s e-mail", (_name, c) => {
  it("tells the recipient what they need, in the subject, the text and the HTML", () => {
    const t = "Buurtpreventie Tiendweg";
    const mail = c.build(t);
    expect(mail.subject).toContain(c.subject(t));
    for (const part of c.body(t)) {
      expect(mail.text).toContain(part);
      expect(shownText(mail.html)).toContain(part);
    }
    expect(mail.html.startsWith('<!doctype html><html lang="nl">')).toBe(true);
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
  });

  it("carries the right links, in both parts, each to a page that exists", () => {
    const mail = c.build("Buurtpreventie Tiendweg");
    expect(linksInMail(mail)).toEqual(c.links);
    for (const link of c.links) {
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(`href="${escapeHtml(link)}"`);
      if (link === WHATSAPP) continue;
      const path = pathOfLink(link, APP);
      expect(path, link).not.toBeNull();
      expect(routeFor(path!), `${link} leads to a page in app/`).toBeDefined();
    }
  });

  it.each(PAYLOADS)("shows typed text as text: %s", (payload) => {
    const mail = c.build(payload);
    expect(mail.subject).toContain(c.subject(payload));
    for (const part of c.body(payload)) {
      expect(mail.text).toContain(part);
      expect(shownText(mail.html)).toContain(part);
    }
    if (c.subject(payload).includes(payload)) expect(mail.html).toContain(escapeHtml(payload));
    // No markup came from the payload: the only tags are the layout's own.
    expect(executableMarkup(mail.html)).toEqual([]);
    expect(mail.html).not.toMatch(/<(script|img|svg)\b/i);
    expect(mail.html).not.toContain(payload);
  });
});

describe("the sign-in e-mail", () => {
  it("escapes the link in the HTML", () => {
    const url = "https://bp.example/inloggen/bevestigen?email=a%40b.nl&token=abc&x=<y>";
    const mail = signInLinkMail({ url, validMinutes: 15 });
    expect(mail.subject).toBe("Uw inloglink voor WhatsApp Buurtpreventie");
    expect(mail.text).toContain(url);
    expect(mail.html).toContain("&amp;token=abc&amp;x=&lt;y&gt;");
    expect(mail.html).not.toContain("<y>");
  });
});
