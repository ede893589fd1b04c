"use client";

import { PageLink } from "@/components/ui/page-link";
import { startTransition, useActionState, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { routes } from "@/lib/routes";

let checker: Promise<typeof import("./sign-in-check")> | undefined;
const loadChecker = () => (checker ??= import("./sign-in-check"));

/** What the server action answers (see app/(public)/inloggen/actions.ts). */
export type SignInFormState =
  | { status: "idle" }
  | { status: "sent"; email: string; sentAt: number }
  | { status: "error"; code: string; message: string; fieldErrors?: Record<string, string>; email: string };

export interface DemoAccountOption {
  email: string;
  label: string;
}

/**
 * The e-mail sign-in form, checked in the browser with the shared schema (loaded when someone
 * starts typing or sends) and again on the server. Works without JavaScript too (the form posts to the server action). In demo mode it
 * lists the demo accounts, each with a button that sends its link to the demo mailbox.
 */
export function SignInForm({
  action,
  returnTo,
  demoAccounts,
  mailboxEnabled,
  linkMinutes,
  initialEmail = "",
}: {
  action: (state: SignInFormState, formData: FormData) => Promise<SignInFormState>;
  returnTo: string | null;
  demoAccounts: DemoAccountOption[];
  mailboxEnabled: boolean;
  linkMinutes: number;
  /** The address to fill in (an invitation's page: the invited address). */
  initialEmail?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  // The browser's message for the field: set when a send is refused, then kept current while typing.
  const [clientError, setClientError] = useState<string | null>(null);

  // Move focus to the answer, so that screen-reader and keyboard users notice it.
  useEffect(() => {
    if (state.status !== "idle") statusRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    void loadChecker()
      .then(({ checkSignInEmail }) => checkSignInEmail(String(data.get("email") ?? "")))
      // Without the check (the chunk did not load), the server checks.
      .catch(() => null)
      .then((problem) => {
        setClientError(problem);
        if (problem) {
          element.querySelector<HTMLInputElement>("#email")?.focus();
          return;
        }
        startTransition(() => formAction(data));
      });
  };

  const onEmailChange = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    if (clientError === null) {
      void loadChecker().catch(() => undefined);
      return;
    }
    void loadChecker()
      .then(({ checkSignInEmail }) => setClientError(checkSignInEmail(value)))
      .catch(() => undefined);
  };

  const serverFieldError = state.status === "error" ? state.fieldErrors?.email : undefined;
  const emailError = clientError ?? serverFieldError;
  const formError = state.status === "error" && !serverFieldError ? state.message : null;

  return (
    <div className="space-y-8">
      <div ref={statusRef} tabIndex={-1} role="status" className="focus:outline-none">
        {state.status === "sent" ? (
          <Alert tone="success" title="Kijk in uw e-mail">
            <p>
              We hebben een inloglink gestuurd naar <strong>{state.email}</strong>. Klik op de knop in die e-mail. De
              link werkt {linkMinutes} minuten en maar één keer.
            </p>
            <p className="mt-2">
              Geen e-mail gekregen? Kijk ook bij ongewenste e-mail (spam). Controleer of het adres goed is, en vraag
              anders hieronder een nieuwe link aan.
            </p>
            {mailboxEnabled ? (
              <p className="mt-2">
                Dit is de demo: de e-mail staat in de{" "}
                <PageLink href={`${routes.mailbox.list}?aan=${encodeURIComponent(state.email)}`}>demo-mailbox</PageLink>.
              </p>
            ) : null}
          </Alert>
        ) : null}
        {formError ? (
          <Alert tone="error" title="Er is geen link verstuurd">
            <p>{formError}</p>
          </Alert>
        ) : null}
      </div>

      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        {returnTo ? <input type="hidden" name="terug" value={returnTo} /> : null}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="sign-in-website">Website (niet invullen)</label>
          <input id="sign-in-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <TextField
          id="email"
          type="email"
          label="E-mailadres"
          hint="Wij sturen een link naar dit adres. Daarmee logt u in, zonder wachtwoord."
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          maxLength={300}
          error={emailError ?? undefined}
          name="email"
          defaultValue={(state.status === "error" ? state.email : initialEmail) || undefined}
          onChange={onEmailChange}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Bezig met versturen…" : "Stuur mij een inloglink"}
        </Button>
      </form>

      {demoAccounts.length > 0 ? (
        <section aria-labelledby="demo-accounts" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4 sm:p-6">
          <h2 id="demo-accounts" className="text-xl font-bold">
            Demo-accounts
          </h2>
          <p className="mt-2">
            Bekijk de website zoals een groepsbeheerder, medewerker, wijkagent of platformbeheerder hem ziet. Kies een
            account. De inloglink komt in de{" "}
            {mailboxEnabled ? <PageLink href={routes.mailbox.list}>demo-mailbox</PageLink> : "mailbox van dat adres"}.
          </p>
          <ul className="mt-4 divide-y divide-amber-300">
            {demoAccounts.map((account) => (
              <li key={account.email} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-semibold">{account.label}</p>
                  <p className="break-all text-sm text-slate-700">{account.email}</p>
                </div>
                <form action={formAction}>
                  <input type="hidden" name="email" value={account.email} />
                  {returnTo ? <input type="hidden" name="terug" value={returnTo} /> : null}
                  <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-auto">
                    Stuur inloglink<span className="sr-only"> voor {account.label}</span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
