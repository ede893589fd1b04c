/**
 * The join form of a group page posted over plain HTTP, as a browser without JavaScript does
 * (its server action's hidden fields read from the page), and small HTTP helpers: for the specs
 * that start servers of their own (faults.spec.ts, two-processes.spec.ts).
 */
import { expect } from "@playwright/test";

export const JOIN_SENT = "Uw aanmelding is verstuurd";
export const TRY_AGAIN = "Probeer het over een paar minuten opnieuw";
export const STACK_TRACE = /\bat [\w.<>]+ \(|node_modules|ECONNREFUSED|Error: /;

/** The no-JavaScript form fields of a group page's join form (its server action), read from the page. */
export async function joinActionFields(html: string): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)) {
    fields[match[1]] = (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION_REF"))).toBe(true);
  return fields;
}

export function joinForm(action: Record<string, string>, slug: string, person: { name: string; email: string; houseNumber: number }) {
  return {
    ...action,
    groupSlug: slug,
    website: "",
    name: person.name,
    email: person.email,
    phone: "06 12345678",
    "address.postcode": "2926 AB",
    "address.houseNumber": String(person.houseNumber),
    "address.addition": "",
    birthDate: "1980-01-01",
    acceptHouseRules: "on",
  };
}

/** Posts the join form like a browser without JavaScript; returns the status and the page. */
export async function postJoin(baseUrl: string, action: Record<string, string>, slug: string, person: { name: string; email: string; houseNumber: number }, headers: Record<string, string> = {}) {
  const body = new FormData();
  for (const [key, value] of Object.entries(joinForm(action, slug, person))) body.append(key, value);
  const response = await fetch(`${baseUrl}/groepen/${slug}`, { method: "POST", body, headers: { origin: baseUrl, ...headers } });
  const html = await response.text();
  return { status: response.status, html, shown: shownHtml(html), sent: shownHtml(html).includes(JOIN_SENT) };
}

/**
 * The page without its scripts: what the browser shows. The confirmation's text is also in the
 * React payload of every group page (the form's success state), so only this part tells whether
 * the form was sent.
 */
export function shownHtml(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/g, "");
}

/**
 * GET a page as text. A kept-alive connection the server closes just as it is reused fails
 * the request (a race of HTTP itself, not of the app): then it is asked once more.
 */
export async function getText(url: string): Promise<string> {
  try {
    return await (await fetch(url)).text();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return (await fetch(url)).text();
  }
}

/** The status of GET `url`, or 0 when the connection fails. */
export async function statusOf(url: string): Promise<number> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
}
