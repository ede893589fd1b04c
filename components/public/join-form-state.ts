/**
 * What the join form and its server action exchange. Plain data, safe on both sides: the
 * action reads the posted FormData with readJoinForm (./join-form-read.ts, the same with and
 * without JavaScript) and answers a JoinFormState, which the form shows.
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
