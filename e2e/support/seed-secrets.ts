import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The personal data the demo seed stores (e-mail addresses, phone numbers, dates of birth and
 * names of people), read from db/seed/demo.ts itself so the list follows the seed. Every object
 * literal there with an `email:` is a person (user, contact or join request); the
 * municipality's `safetyEmail` is an organisation's mailbox and is not in the list.
 */
export function seedPersonalData(): string[] {
  const source = readFileSync(path.join(__dirname, "..", "..", "db", "seed", "demo.ts"), "utf8");
  const secrets = new Set<string>();
  for (const block of source.match(/\{[^{}]*\bemail:[^{}]*\}/g) ?? []) {
    for (const [, email] of block.matchAll(/\bemail: "([^"]+)"/g)) secrets.add(email);
    for (const [, name] of block.matchAll(/\bname: "([^"]+)"/g)) secrets.add(name);
    for (const [, phone] of block.matchAll(/\bphone: "(\+31\d+)"/g)) phoneSpellings(phone).forEach((s) => secrets.add(s));
    for (const [, date] of block.matchAll(/\bbirthDate: "(\d{4}-\d{2}-\d{2})"/g)) dateSpellings(date).forEach((s) => secrets.add(s));
  }
  for (const [, email] of source.matchAll(/email: "([^"]+@[^"]+)"/g)) secrets.add(email);
  return [...secrets];
}

function phoneSpellings(e164: string): string[] {
  const national = `0${e164.slice(3)}`;
  return [e164, national, `${national.slice(0, 2)} ${national.slice(2)}`, `${national.slice(0, 2)}-${national.slice(2)}`];
}

function dateSpellings(iso: string): string[] {
  const [y, m, d] = iso.split("-");
  const month = new Date(`${iso}T12:00:00Z`).toLocaleDateString("nl-NL", { month: "long", timeZone: "UTC" });
  return [iso, `${d}-${m}-${y}`, `${Number(d)} ${month} ${y}`];
}
