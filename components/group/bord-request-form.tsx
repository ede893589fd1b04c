"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyFieldErrors, NETWORK_FAILURE, type ClientActionResult } from "@/components/forms/action-result";
import { FormMessage, SelectField, TextArea, TextInput } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { mapPointSchema, signRequestSchema, type SignRequestFormInput } from "@/lib/validation";

const COORDINATES_HELP = "Vul beide coördinaten in als getal, zoals 51,9167 en 4,5936, of laat beide leeg.";

/**
 * The form as the page holds it: the optional point as two text fields. Checked with the shared
 * schema (the point with mapPointSchema); the server checks everything again.
 */
const bordFormSchema = signRequestSchema
  .omit({ point: true })
  .extend({ lat: z.string().max(40, COORDINATES_HELP), lng: z.string().max(40, COORDINATES_HELP) })
  .superRefine(({ lat, lng }, ctx) => {
    if (lat.trim() === "" && lng.trim() === "") return;
    if (lat.trim() === "" || lng.trim() === "") {
      ctx.addIssue({ code: "custom", path: [lat.trim() === "" ? "lat" : "lng"], message: COORDINATES_HELP });
      return;
    }
    const point = mapPointSchema.safeParse({ lat, lng });
    if (!point.success) {
      const message = point.error.issues[0]?.message === "Kies een punt op de kaart." ? COORDINATES_HELP : (point.error.issues[0]?.message ?? COORDINATES_HELP);
      ctx.addIssue({ code: "custom", path: ["lat"], message });
    }
  });
type BordFormInput = z.input<typeof bordFormSchema>;
type BordForm = z.output<typeof bordFormSchema>;

export function BordRequestForm({
  groupId,
  maxSigns = 4,
  action,
}: {
  groupId: string;
  /** The municipality's number of borden per group (1–4). */
  maxSigns?: number;
  action: (input: SignRequestFormInput & { groupId: string }) => Promise<ClientActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<BordFormInput, unknown, BordForm>({
    resolver: zodResolver(bordFormSchema),
    defaultValues: { signCount: "1", street: "", nearHouseNumber: "", description: "", note: "", lat: "", lng: "" },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async () => {
    setMessage(null);
    const { lat, lng, ...rest } = form.getValues();
    const point = lat.trim() || lng.trim() ? { lat, lng } : null;
    const result = await action({ ...rest, point, groupId }).catch(() => NETWORK_FAILURE);
    if (!result.ok) {
      const fieldErrors = { ...result.fieldErrors };
      for (const key of ["point", "point.lat", "point.lng"]) {
        if (fieldErrors[key]) {
          fieldErrors.lat ??= fieldErrors[key];
          delete fieldErrors[key];
        }
      }
      applyFieldErrors(form.setError, fieldErrors);
      return setMessage({ tone: "error", text: result.message });
    }
    setMessage({ tone: "success", text: "Uw aanvraag is verstuurd naar de gemeente." });
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message ? <FormMessage tone={message.tone} title={message.text} /> : null}
      <SelectField id="bord-count" label="Hoeveel borden wilt u?" hint="Meestal is één bord per ingang van de buurt genoeg." error={e.signCount?.message} {...form.register("signCount")}>
        {Array.from({ length: Math.max(1, Math.min(4, maxSigns)) }, (_, i) => i + 1).map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-3">
        <legend className="font-semibold">Waar moet het bord komen?</legend>
        <TextInput id="bord-street" label="Straat" maxLength={200} error={e.street?.message} {...form.register("street")} />
        <TextInput id="bord-near" label="In de buurt van huisnummer (niet verplicht)" inputMode="numeric" maxLength={8} error={e.nearHouseNumber?.message} {...form.register("nearHouseNumber")} />
        <TextArea
          id="bord-description"
          label="Beschrijf de plek (niet verplicht)"
          hint="Bijvoorbeeld: aan de lantaarnpaal bij de ingang van het park."
          rows={3}
          error={e.description?.message}
          {...form.register("description")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            id="bord-lat"
            label="Breedtegraad (niet verplicht)"
            hint="Bijvoorbeeld 51.9167. U vindt de coördinaten in een kaart-app."
            inputMode="decimal"
            maxLength={40}
            error={e.lat?.message}
            {...form.register("lat")}
          />
          <TextInput id="bord-lng" label="Lengtegraad (niet verplicht)" hint="Bijvoorbeeld 4.5936." inputMode="decimal" maxLength={40} error={e.lng?.message} {...form.register("lng")} />
        </div>
      </fieldset>
      <TextArea id="bord-note" label="Opmerking voor de gemeente (niet verplicht)" rows={3} error={e.note?.message} {...form.register("note")} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Bezig met versturen…" : "Bord aanvragen"}
      </Button>
    </form>
  );
}
