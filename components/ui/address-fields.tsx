import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { ADDITION_INPUT_MAX_LENGTH, HOUSE_NUMBER_INPUT_MAX_LENGTH, POSTCODE_INPUT_MAX_LENGTH } from "@/lib/validation/limits";
import { TextField } from "./field";

type Part = "postcode" | "houseNumber" | "addition";
type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

/** The ids of the three fields: `<idPrefix>-postcode`, `<idPrefix>-houseNumber`, `<idPrefix>-addition`. */
export function addressFieldIds(idPrefix: string): Record<Part, string> {
  return { postcode: `${idPrefix}-postcode`, houseNumber: `${idPrefix}-houseNumber`, addition: `${idPrefix}-addition` };
}

/**
 * Postcode, house number and addition, the same in every form that asks for an address. The
 * lengths the fields take come from lib/validation (the schemas refuse longer input with a
 * message). `inputs` gives each field its name and value: `register("address.postcode")` with
 * react-hook-form, or `name` and `defaultValue` in a form that posts without JavaScript.
 */
export function AddressFields({
  idPrefix,
  inputs,
  errors = {},
  hints = {},
  readOnly = false,
  layout = "grid",
}: {
  idPrefix: string;
  inputs: Record<Part, InputProps>;
  errors?: Partial<Record<Part, string>>;
  hints?: Partial<Record<Part, ReactNode>>;
  readOnly?: boolean;
  /** Three columns on wide screens, or one field under the other. */
  layout?: "grid" | "stack";
}) {
  const ids = addressFieldIds(idPrefix);
  const fieldClass = layout === "stack" ? "max-w-xs" : undefined;
  return (
    <div className={layout === "grid" ? "grid gap-4 sm:grid-cols-3" : "space-y-4"}>
      <TextField
        id={ids.postcode}
        className={fieldClass}
        label="Postcode"
        hint={hints.postcode ?? "Bijvoorbeeld 2922 AB"}
        autoComplete="postal-code"
        maxLength={POSTCODE_INPUT_MAX_LENGTH}
        error={errors.postcode}
        readOnly={readOnly || undefined}
        {...inputs.postcode}
      />
      <TextField
        id={ids.houseNumber}
        className={fieldClass}
        label="Huisnummer"
        hint={hints.houseNumber}
        inputMode="numeric"
        maxLength={HOUSE_NUMBER_INPUT_MAX_LENGTH}
        error={errors.houseNumber}
        readOnly={readOnly || undefined}
        {...inputs.houseNumber}
      />
      <TextField
        id={ids.addition}
        className={fieldClass}
        label="Toevoeging (niet verplicht)"
        hint={hints.addition}
        maxLength={ADDITION_INPUT_MAX_LENGTH}
        error={errors.addition}
        readOnly={readOnly || undefined}
        {...inputs.addition}
      />
    </div>
  );
}
