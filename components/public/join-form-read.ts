/**
 * Reading the posted join form, on the server (the action) and in the browser's check (loaded
 * on demand with it): in a file of its own, so the form's own JavaScript does not carry it.
 */
import { HONEYPOT_FIELD, type JoinFormValues } from "./join-form-state";

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Long input is cut for echoing back only; the schema refuses it with a message. */
function echo(value: string | undefined): string {
  return (value ?? "").slice(0, 300);
}

/**
 * The posted form as the schema's input (nested `address`, the honeypot and the group's slug)
 * and as the values to show again.
 */
export function readJoinForm(form: FormData): { input: Record<string, unknown>; values: JoinFormValues } {
  const accepted = text(form, "acceptHouseRules");
  const input = {
    groupSlug: text(form, "groupSlug"),
    honeypot: text(form, HONEYPOT_FIELD),
    name: text(form, "name"),
    email: text(form, "email"),
    phone: text(form, "phone"),
    birthDate: text(form, "birthDate"),
    address: {
      postcode: text(form, "address.postcode"),
      houseNumber: text(form, "address.houseNumber"),
      addition: text(form, "address.addition"),
    },
    acceptHouseRules: accepted === "on" || accepted === "true" ? "on" : undefined,
  };
  const values: JoinFormValues = {
    name: echo(input.name),
    email: echo(input.email),
    phone: echo(input.phone),
    birthDate: echo(input.birthDate),
    address: {
      postcode: echo(input.address.postcode),
      houseNumber: echo(input.address.houseNumber),
      addition: echo(input.address.addition),
    },
    acceptHouseRules: input.acceptHouseRules === "on",
  };
  return { input, values };
}
