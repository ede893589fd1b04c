"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { BordRequestAction, BordRequestStatus } from "@/lib/domain";
import type { BordDecision, BordDecisionFormInput } from "@/lib/validation/staff";
import { routes } from "@/lib/routes";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/field";
import { INVALID_FORM_MESSAGE, useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";

interface Props {
  requestId: string;
  version: number;
  status: BordRequestStatus;
  allowed: BordRequestAction[];
  today: string;
  bordCount: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}

const DECISION_TITLES: Record<"review" | "approve" | "reject" | "place", { title: string; button: string; done: string }> = {
  review: { title: "In behandeling nemen", button: "Neem in behandeling", done: "De aanvraag is in behandeling genomen." },
  approve: { title: "Goedkeuren", button: "Keur goed", done: "De aanvraag is goedgekeurd. De beheerders, wijkagent en wethouder krijgen bericht." },
  reject: { title: "Afwijzen", button: "Wijs af", done: "De aanvraag is afgewezen. De beheerders krijgen de reden." },
  place: { title: "Plaatsing vastleggen", button: "Leg plaatsing vast", done: "De plaatsing is vastgelegd. De beheerders krijgen bericht." },
};

function DecisionForm({ kind, ...props }: Props & { kind: "review" | "approve" | "reject" | "place" }) {
  const router = useRouter();
  const { form, onSubmit, message, pending, error, preload } = useActionForm<BordDecisionFormInput, BordDecision>({
    schema: () => import("@/lib/validation/staff").then((m) => m.bordDecisionSchema),
    invalidMessage: INVALID_FORM_MESSAGE,
    action: props.action,
    defaultValues: {
      action: kind,
      requestId: props.requestId,
      version: props.version,
      expectedStatus: props.status,
      note: "",
      ...(kind === "place" ? { placedOn: props.today, placedLocation: "", placedCount: String(props.bordCount) } : {}),
    },
    successMessage: DECISION_TITLES[kind].done,
    onSuccess: () => {
      router.replace(`${routes.staff.bord(props.requestId)}?gelukt=${kind}`, { scroll: false });
      router.refresh();
    },
    // The refreshed page shows the current state with new forms; the message must outlive them.
    onConflict: () => {
      router.replace(`${routes.staff.bord(props.requestId)}?gewijzigd=1`, { scroll: false });
      router.refresh();
    },
  });
  const id = (name: string) => `${kind}-${name}`;
  return (
    <section aria-labelledby={id("title")} className="rounded border-2 border-slate-300 p-4">
      <h3 id={id("title")} className="text-lg font-bold">
        {DECISION_TITLES[kind].title}
      </h3>
      <form method="post" onSubmit={onSubmit} onFocus={preload} noValidate className="mt-3 space-y-4">
        <FormStatus message={message} />
        {kind === "place" ? (
          <>
            <TextField id={id("placedOn")} type="date" label="Datum van plaatsing" error={error("placedOn")} {...form.register("placedOn")} />
            <TextField
              id={id("placedLocation")}
              label="Waar staat het bord?"
              hint="Bijvoorbeeld: hoek Tiendweg / Raadhuisplein, aan de lantaarnpaal."
              maxLength={250}
              error={error("placedLocation")}
              {...form.register("placedLocation")}
            />
            <TextField
              id={id("placedCount")}
              inputMode="numeric"
              label="Aantal geplaatste borden"
              error={error("placedCount")}
              className="max-w-40"
              {...form.register("placedCount")}
            />
          </>
        ) : null}
        <TextAreaField
          id={id("note")}
          label={kind === "reject" ? "Reden van afwijzing (verplicht)" : "Toelichting (niet verplicht)"}
          hint={kind === "reject" ? "De groepsbeheerders krijgen deze uitleg per e-mail." : "Komt in de geschiedenis van de aanvraag."}
          rows={kind === "reject" ? 4 : 2}
          error={error("note")}
          {...form.register("note")}
        />
        <Button type="submit" variant={kind === "reject" ? "danger" : "primary"} disabled={pending}>
          {pending ? "Bezig…" : DECISION_TITLES[kind].button}
        </Button>
      </form>
    </section>
  );
}

/** The decisions staff may take now, each its own small form. */
export function BordRequestDecisions(props: Props) {
  const kinds = (["review", "approve", "place", "reject"] as const).filter((k) => props.allowed.includes(k));
  if (kinds.length === 0) return <p>Er is nu geen besluit te nemen over deze aanvraag.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {kinds.map((kind) => (
        <DecisionForm key={`${kind}-${props.version}`} kind={kind} {...props} />
      ))}
    </div>
  );
}
