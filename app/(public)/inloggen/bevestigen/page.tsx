import type { Metadata } from "next";
import { connection } from "next/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { AUTH_BASE_PATH, EMAIL_PROVIDER_ID, SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { signInLinkIsUsable } from "@/lib/auth/sign-in";
import { signInPath } from "@/lib/auth";
import { emailField, safeReturnPath } from "@/lib/validation";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Inloggen bevestigen",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value ?? "").slice(0, 400);
}

/**
 * Where the link in the sign-in e-mail leads. Only the button here uses the one-time token:
 * mail scanners that open links to check them do not sign anyone in or use up the link.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const email = emailField.safeParse(first(params.email));
  const token = first(params.token);
  const returnTo = safeReturnPath(first(params.terug));
  const usable = email.success && (await signInLinkIsUsable({ email: email.data, token }));

  if (!usable) {
    return (
      <Container className="max-w-3xl">
        <h1 className="text-3xl font-bold text-brand-800">Deze inloglink werkt niet meer</h1>
        <p className="mt-4 text-lg">
          Een inloglink werkt {SIGN_IN_LINK_MAX_AGE_SECONDS / 60} minuten en maar één keer. Deze link is al gebruikt, te
          oud, of niet helemaal overgenomen. Vraag een nieuwe link aan.
        </p>
        <p className="mt-6">
          <ButtonLink href={signInPath(returnTo)}>Nieuwe inloglink aanvragen</ButtonLink>
        </p>
      </Container>
    );
  }

  const callbackUrl = returnTo ? `${routes.signInContinue}?terug=${encodeURIComponent(returnTo)}` : routes.signInContinue;
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Inloggen bevestigen</h1>
      <p className="mt-4 text-lg">
        U logt in als <strong className="break-all">{email.data}</strong>.
      </p>
      <form method="get" action={`${AUTH_BASE_PATH}/callback/${EMAIL_PROVIDER_ID}`} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email.data} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Button type="submit">Inloggen</Button>
      </form>
      <p className="mt-6 text-slate-700">
        Waarom nog een klik? Sommige e-mailprogramma&apos;s openen links vanzelf om ze te controleren. Uw link werkt
        daarom pas als u zelf op deze knop klikt.
      </p>
    </Container>
  );
}
