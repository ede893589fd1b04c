import type { Metadata } from "next";
import { connection } from "next/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageLink } from "@/components/ui/page-link";
import { CHECK_LINK_EXPIRED, CHECK_LINK_INVALID, getCheckLink } from "@/lib/data/public/yearly-check";
import { routes } from "@/lib/routes";
import { confirmGroupActiveAction } from "./actions";

export const metadata: Metadata = {
  title: "Is de groep nog actief?",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where the "De groep is nog actief" link of the yearly check leads. Opening the link changes
 * nothing (mail scanners open links); only the button confirms. No sign-in needed.
 */
export default async function GroupCheckPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  await connection();
  const { token } = await params;
  const query = await searchParams;
  const view = await getCheckLink(token);
  const justDone = query.klaar !== undefined;
  const failed = typeof query.fout === "string" ? query.fout : null;

  if (view.state === "confirmed") {
    return (
      <Container className="max-w-3xl">
        <h1 className="text-3xl font-bold text-brand-800">{justDone ? "Bedankt!" : "De groep is al bevestigd"}</h1>
        <div className="mt-6">
          <Alert tone="success" title={`${view.groupName} is nog actief`} role="status">
            <p>De groep blijft in het register. Over een jaar vragen we het opnieuw.</p>
          </Alert>
        </div>
        <p className="mt-6 text-lg">
          Is er iets veranderd, zoals de straten, de beheerders of de adressen? <PageLink href={routes.myGroups.list}>Log in en pas de gegevens aan</PageLink>.
        </p>
      </Container>
    );
  }
  if (view.state !== "open") {
    return (
      <Container className="max-w-3xl">
        <h1 className="text-3xl font-bold text-brand-800">{view.state === "expired" ? "Deze link is verlopen" : "Deze link werkt niet"}</h1>
        <p className="mt-4 text-lg">{view.state === "expired" ? CHECK_LINK_EXPIRED : CHECK_LINK_INVALID}</p>
        <p className="mt-6">
          <PageLink href={routes.myGroups.list}>Naar Mijn groepen (inloggen)</PageLink>
        </p>
      </Container>
    );
  }
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Is {view.groupName} nog actief?</h1>
      {failed ? (
        <div className="mt-6">
          <Alert tone="error" title="Dat lukte niet" role="alert">
            <p>{failed === "verlopen" ? CHECK_LINK_EXPIRED : "Probeer het nog een keer. Lukt het weer niet? Neem dan contact op met de gemeente."}</p>
          </Alert>
        </div>
      ) : null}
      <p className="mt-4 text-lg">
        U bent beheerder van de WhatsApp-buurtpreventiegroep <strong>{view.groupName}</strong> in de wijk {view.areaName}. Eén keer per
        jaar vragen we of de groep nog actief is.
      </p>
      <form action={confirmGroupActiveAction} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <Button type="submit">De groep is nog actief</Button>
      </form>
      <p className="mt-6 text-lg">
        Is er iets veranderd? <PageLink href={routes.myGroups.list}>Log in en pas de gegevens aan</PageLink>. Is de groep gestopt? Dan kunt u haar
        daar ook opheffen.
      </p>
      <p className="mt-6 text-slate-700">
        Waarom nog een klik? Sommige e-mailprogramma&apos;s openen links vanzelf om ze te controleren. Daarom telt het pas als u zelf op de knop klikt.
      </p>
    </Container>
  );
}
