"use client";

import { useState, type FormEvent } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm, type StatusMessage as Message } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import type { ErasurePreview as Preview } from "@/lib/data/platform/privacy-preview";
import type { ErasureReport as Report } from "@/lib/data/platform/privacy-erasure";
import type { PrivacyErase, PrivacyEraseFormInput, PrivacyLookup, PrivacyLookupFormInput } from "@/lib/validation/privacy";
import { routes } from "@/lib/routes";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

const INVALID = "Niet alles is goed ingevuld. Kijk naar de melding bij het veld.";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The e-mail address, then "Exporteren" (a JSON download through /beheer/privacy/export) or
 * "Wissen…" (shows what would go, and asks for confirmation before erasing).
 */
export function PrivacyRequestForm({ previewAction, eraseAction }: { previewAction: Action; eraseAction: Action }) {
  const status = useState<Message | null>(null);
  const [message, setMessage] = status;
  const [preview, setPreview] = useState<{ email: string; data: Preview } | null>(null);
  const lookupForm = useActionForm<PrivacyLookupFormInput, PrivacyLookup, Preview>({
    schema: () => import("@/lib/validation/privacy").then((m) => m.privacyLookupSchema),
    defaultValues: { email: "" },
    status,
    invalidMessage: INVALID,
    knownFields: (name) => name === "email",
    action: (_values, value) => previewAction(value) as Promise<ActionResult<Preview>>,
    onSuccess: (data, value) => {
      eraseForm.form.reset({ email: value.email, confirm: false, dissolveSoleAdminGroups: false });
      setPreview({ email: value.email, data });
    },
  });
  const eraseForm = useActionForm<PrivacyEraseFormInput, PrivacyErase, Report>({
    schema: () => import("@/lib/validation/privacy").then((m) => m.privacyEraseSchema),
    defaultValues: { email: "", confirm: false, dissolveSoleAdminGroups: false },
    status,
    invalidMessage: "Bevestig eerst dat u alles over dit e-mailadres wilt wissen.",
    knownFields: (name) => name === "confirm" || name === "dissolveSoleAdminGroups",
    action: (_values, value) => eraseAction(value) as Promise<ActionResult<Report>>,
    onSuccess: (report) => {
      const parts = [
        report.account ? "het account" : null,
        report.dissolvedGroups ? plural(report.dissolvedGroups, "opgeheven groep", "opgeheven groepen") : null,
        report.joinRequests ? plural(report.joinRequests, "aanmelding", "aanmeldingen") : null,
        report.invitations ? plural(report.invitations, "uitnodiging", "uitnodigingen") : null,
        report.contactRoles ? plural(report.contactRoles, "contactpersoon", "contactpersonen") : null,
        report.emails ? plural(report.emails, "e-mail", "e-mails") : null,
        report.freeTextMentions ? plural(report.freeTextMentions, "stuk vrije tekst", "stukken vrije tekst") : null,
      ].filter(Boolean);
      setPreview(null);
      lookup.reset({ email: "" });
      return {
        tone: "success",
        text: parts.length > 0 ? `Gewist: ${parts.join(", ")}.` : "Er was niets over dit e-mailadres opgeslagen. Er is niets gewist.",
      };
    },
  });
  const lookup = lookupForm.form;
  const erase = eraseForm.form;
  const pending = lookupForm.pending || eraseForm.pending;

  const emailError = lookup.formState.errors.email?.message;
  const confirmError = erase.formState.errors.confirm?.message;
  const dissolveError = erase.formState.errors.dissolveSoleAdminGroups?.message;

  const onExport = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    void lookup.handleSubmit(
      () => {
        setMessage({ tone: "success", text: "De export wordt gedownload. U vindt het bestand bij uw downloads." });
        // A real form post: the browser saves the JSON file the route answers with.
        formElement.submit();
      },
      () => setMessage({ tone: "error", text: INVALID }),
    )(event);
  };

  const onPreview = lookupForm.onSubmit;
  const onErase = eraseForm.onSubmit;

  const cancel = () => {
    setPreview(null);
    setMessage(null);
  };

  return (
    <div className="mt-6 max-w-2xl space-y-6">
      <FormStatus message={message} />
      <form method="post" action={routes.staff.privacyExport} onSubmit={onExport} onFocus={lookupForm.preload} noValidate className="space-y-4">
        <TextField
          id="privacy-email"
          type="email"
          label="E-mailadres"
          hint="Bijvoorbeeld: naam@voorbeeld.nl"
          autoComplete="off"
          readOnly={preview !== null}
          error={emailError}
          {...lookup.register("email")}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending || preview !== null}>
            Exporteren
          </Button>
          <Button type="button" variant="secondary" disabled={pending || preview !== null} onClick={() => void onPreview()}>
            Wissen…
          </Button>
        </div>
      </form>

      {preview ? (
        <section aria-labelledby="erase-heading" className="rounded-lg border-2 border-red-700 p-4">
          <h2 id="erase-heading" className="text-xl font-bold">
            Alles wissen over {preview.email}?
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            <li>{preview.data.account ? "Het account, met de sessies en de persoonlijke gegevens." : "Er is geen account met dit e-mailadres."}</li>
            {preview.data.otherGroups > 0 ? (
              <li>De persoon is geen beheerder meer van {plural(preview.data.otherGroups, "groep", "groepen")} met andere beheerders.</li>
            ) : null}
            <li>{plural(preview.data.joinRequests, "aanmelding", "aanmeldingen")}</li>
            <li>{plural(preview.data.invitations, "uitnodiging", "uitnodigingen")} als beheerder</li>
            {preview.data.contactRoles > 0 ? <li>{plural(preview.data.contactRoles, "vermelding", "vermeldingen")} als wijkagent of wethouder</li> : null}
            <li>{plural(preview.data.emails, "e-mail", "e-mails")} aan dit adres, en e-mails aan anderen waarin het staat</li>
          </ul>
          <FreeTextMentions mentions={preview.data.freeTextMentions} />
          <form method="post" onSubmit={onErase} onFocus={eraseForm.preload} noValidate className="mt-4 space-y-4">
            <input type="hidden" {...erase.register("email")} />
            {preview.data.soleAdminGroups.length > 0 ? (
              <div>
                <p className="font-semibold">
                  Deze persoon is de enige beheerder van:{" "}
                  {preview.data.soleAdminGroups.map((g) => g.name).join(", ")}.
                </p>
                <p className="mt-1">
                  Vraag de persoon liever eerst om iemand anders beheerder te maken. Kan dat niet? Dan heffen we{" "}
                  {preview.data.soleAdminGroups.length === 1 ? "deze groep" : "deze groepen"} op: de adressen en
                  aanmeldingen verdwijnen, de naam en de wijk blijven alleen voor de cijfers bewaard.
                </p>
                <CheckboxField
                  className="mt-2"
                  id="dissolve-sole-admin-groups"
                  label={preview.data.soleAdminGroups.length === 1 ? "Hef deze groep op" : "Hef deze groepen op"}
                  error={dissolveError}
                  {...erase.register("dissolveSoleAdminGroups")}
                />
              </div>
            ) : null}
            <CheckboxField
              className="mt-2"
              id="erase-confirm"
              label="Ik weet dat dit niet ongedaan kan worden gemaakt."
              error={confirmError}
              {...erase.register("confirm")}
            />
            <div className="flex flex-wrap gap-3">
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? "Bezig…" : "Definitief wissen"}
              </Button>
              <Button type="button" variant="secondary" onClick={cancel} disabled={pending}>
                Annuleren
              </Button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}

/** The person's name and phone number in free text: where, and the words themselves (marked). */
function FreeTextMentions({ mentions }: { mentions: Preview["freeTextMentions"] }) {
  return (
    <section aria-labelledby="free-text-heading" className="mt-4">
      <h3 id="free-text-heading" className="text-lg font-bold">
        Naam en telefoonnummer in vrije tekst
      </h3>
      {mentions.length === 0 ? (
        <p className="mt-1">De naam en het telefoonnummer van deze persoon staan nergens in vrije tekst.</p>
      ) : (
        <>
          <p className="mt-1">
            Hier staat de naam of het telefoonnummer van deze persoon ({plural(mentions.length, "keer", "keer")}). Bij wissen
            komt er [verwijderd] voor in de plaats. Een e-mail waarin het staat, wissen we helemaal.
          </p>
          <ul className="mt-2 space-y-2">
            {mentions.map((m, index) => (
              <li key={`${m.table}-${m.column}-${m.id}-${index}`} className="rounded border border-slate-300 p-2">
                <p className="text-sm">
                  <strong>{m.place}</strong> · {m.record} · {m.action === "delete" ? "e-mail wordt gewist" : "wordt [verwijderd]"}
                </p>
                <p className="mt-1 break-words">
                  {m.before}
                  <mark className="bg-yellow-200 font-semibold">{m.match}</mark>
                  {m.after}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
