/**
 * What the join form and its server action exchange. Plain data, safe on both sides: the
 * action reads the posted FormData with readJoinForm (the same with and without JavaScript)
 * and answers a JoinFormState, which the form shows.
 */

/** The name of the honeypot field: hidden from people, filled in by bots. */
export const HONEYPOT_FIELD = "website";

/** What the person typed, as strings, to put back into the form after an error. */
export interface JoinFormValues {
  name: string;
  email: string;
  phone: string;
  birthDate: string;
  address: { postcode: string; houseNumber: string; addition: string };
  acceptHouseRules: boolean;
}

export type JoinFormState =
  | { status: "idle" }
  | { status: "sent"; groupName: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values: JoinFormValues };

export const EMPTY_JOIN_FORM: JoinFormValues = {
  name: "",
  email: "",
  phone: "",
  birthDate: "",
  address: { postcode: "", houseNumber: "", addition: "" },
  acceptHouseRules: false,
};

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
