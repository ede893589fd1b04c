import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { routes } from "@/lib/routes";

export interface AddressSearchValues {
  postcode?: string;
  huisnummer?: string;
  toevoeging?: string;
}

/**
 * Postcode + house number (+ addition) lookup. A plain GET form to /zoeken, so it works without
 * JavaScript and the result has a link of its own.
 */
export function AddressSearchForm({
  values = {},
  errors = {},
  headingId,
}: {
  values?: AddressSearchValues;
  errors?: Partial<Record<keyof AddressSearchValues, string>>;
  headingId?: string;
}) {
  return (
    <form action={routes.search} method="get" aria-labelledby={headingId} noValidate>
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
        <TextField
          id="postcode"
          name="postcode"
          label="Postcode"
          hint="Bijvoorbeeld 2922 AB"
          autoComplete="postal-code"
          defaultValue={values.postcode}
          error={errors.postcode}
          maxLength={12}
          required
        />
        <TextField
          id="huisnummer"
          name="huisnummer"
          label="Huisnummer"
          hint="Alleen het nummer"
          inputMode="numeric"
          defaultValue={values.huisnummer}
          error={errors.huisnummer}
          maxLength={8}
          required
        />
        <TextField
          id="toevoeging"
          name="toevoeging"
          label="Toevoeging"
          hint="Niet verplicht, bijv. A"
          defaultValue={values.toevoeging}
          error={errors.toevoeging}
          maxLength={10}
        />
        <Button type="submit">Zoeken</Button>
      </div>
    </form>
  );
}
