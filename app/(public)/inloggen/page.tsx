import type { Metadata } from "next";
import { PageLink } from "@/components/ui/page-link";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { getCurrentUser, startPageLabel, startPathFor } from "@/lib/auth";
import { oidcConfigured, SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { demoAccountsForSignIn } from "@/lib/data/public/demo";
import { getEnv } from "@/lib/env";
import { safeReturnPath } from "@/lib/validation";
import { requestSignInLinkAction, signInWithOidcAction } from "./actions";

export const metadata: Metadata = {
  title: "Inloggen",
  description: "Log in met een link per e-mail om uw buurtpreventiegroep te beheren.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Auth.js sends people back here with ?error=… when a link or a sign-in did not work. */
function errorText(error: string | undefined): { title: string; text: string } | null {
  switch (error) {
    case undefined:
    case "":
    // Auth.js's own /api/auth/error, opened without an error, sends "?error=undefined".
    case "undefined":
      return null;
    case "Verification":
      return {
        title: "Deze inloglink werkt niet meer",
        text: `Een inloglink werkt ${SIGN_IN_LINK_MAX_AGE_SECONDS / 60} minuten en maar één keer. Misschien is de link al gebruikt of te oud. Vraag hieronder een nieuwe link aan.`,
      };
    case "AccessDenied":
      return {
        title: "Inloggen is niet gelukt",
        text: "Met dit account kunt u hier niet inloggen. Denkt u dat dit niet klopt? Neem dan contact op met team Veiligheid van uw gemeente.",
      };
    default:
      return { title: "Inloggen is niet gelukt", text: "Er ging iets mis bij het inloggen. Probeer het opnieuw." };
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const returnTo = safeReturnPath(first(params.terug));
  const problem = errorText(first(params.error)?.slice(0, 50));
  const env = getEnv();
  const [user, demoAccounts] = await Promise.all([getCurrentUser(), demoAccountsForSignIn()]);

  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Inloggen</h1>
      <p className="mt-4 text-lg">
        Beheert u een buurtpreventiegroep, of wilt u er een starten? Vul uw e-mailadres in. U krijgt een e-mail met een
        link om in te loggen. Een wachtwoord heeft u niet nodig.
      </p>
      {returnTo ? <p className="mt-2">Na het inloggen gaat u verder waar u was.</p> : null}

      <div className="mt-6 space-y-4">
        {problem ? (
          <Alert tone="error" title={problem.title} role="alert">
            <p>{problem.text}</p>
          </Alert>
        ) : null}
        {user ? (
          <Alert tone="info" title="U bent al ingelogd">
            <p>
              U bent ingelogd als <strong>{user.email}</strong>. Ga naar{" "}
              <PageLink href={startPathFor(user)}>{startPageLabel(user)}</PageLink>, of log hieronder in met een ander
              e-mailadres.
            </p>
          </Alert>
        ) : null}
      </div>

      <div className="mt-8">
        <SignInForm
          action={requestSignInLinkAction}
          returnTo={returnTo}
          demoAccounts={demoAccounts.map((a) => ({ email: a.email, label: a.label }))}
          mailboxEnabled={env.mailboxEnabled}
          linkMinutes={SIGN_IN_LINK_MAX_AGE_SECONDS / 60}
        />
      </div>

      {oidcConfigured() ? (
        <section aria-labelledby="gemeente-account" className="mt-10 border-t-2 border-slate-200 pt-6">
          <h2 id="gemeente-account" className="text-xl font-bold">
            Medewerker van de gemeente?
          </h2>
          <p className="mt-2">Log in met het account waarmee u ook op uw werk inlogt.</p>
          <form action={signInWithOidcAction} className="mt-4">
            {returnTo ? <input type="hidden" name="terug" value={returnTo} /> : null}
            <Button type="submit" variant="secondary">
              Inloggen met uw gemeente-account
            </Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="hoe-het-werkt" className="mt-10 border-t-2 border-slate-200 pt-6">
        <h2 id="hoe-het-werkt" className="text-xl font-bold">
          Hoe werkt inloggen?
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>U vult uw e-mailadres in en krijgt een e-mail met een knop.</li>
          <li>
            De link in de e-mail werkt {SIGN_IN_LINK_MAX_AGE_SECONDS / 60} minuten en maar één keer. U kunt altijd een
            nieuwe aanvragen.
          </li>
          <li>Bent u nieuw? Dan maken we bij het inloggen een account voor u. Daarna kunt u een groep starten.</li>
          <li>Na 7 dagen, of als u uitlogt, moet u opnieuw inloggen.</li>
        </ul>
      </section>
    </Container>
  );
}
