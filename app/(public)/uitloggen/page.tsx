import type { Metadata } from "next";
import { PageLink } from "@/components/ui/page-link";
import { connection } from "next/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { getCurrentUser, startPageLabel, startPathFor } from "@/lib/auth";
import { routes } from "@/lib/routes";
import { signOutAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Uitloggen", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignOutPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const done = typeof params.klaar === "string" ? params.klaar : null;
  const failed = params.fout !== undefined;
  const user = await getCurrentUser();

  if (!user) {
    return (
      <Container className="max-w-3xl">
        <h1 className="text-3xl font-bold text-brand-800">{done ? "U bent uitgelogd" : "Uitloggen"}</h1>
        <div className="mt-6">
          {done ? (
            <Alert tone="success" title={done === "alle" ? "Uitgelogd op alle apparaten" : "Uitgelogd"} role="status">
              <p>
                {done === "alle"
                  ? "U bent nu op al uw apparaten uitgelogd."
                  : "U bent uitgelogd op dit apparaat. Sluit de browser als u een computer deelt met anderen."}
              </p>
            </Alert>
          ) : (
            <p className="text-lg">U bent niet ingelogd.</p>
          )}
        </div>
        <p className="mt-6">
          <PageLink href={routes.signIn}>Opnieuw inloggen</PageLink> · <PageLink href={routes.home}>Naar de startpagina</PageLink>
        </p>
      </Container>
    );
  }

  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Uitloggen</h1>
      {failed ? (
        <div className="mt-6">
          <Alert tone="error" title="Uitloggen is niet gelukt" role="alert">
            <p>Probeer het opnieuw. Lukt het niet? Sluit dan de browser.</p>
          </Alert>
        </div>
      ) : null}
      <p className="mt-4 text-lg">
        U bent ingelogd als <strong className="break-all">{user.email}</strong>.
      </p>
      <div className="mt-6 flex flex-col gap-4 sm:flex-row">
        <form action={signOutAction}>
          <Button type="submit">Uitloggen</Button>
        </form>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            Uitloggen op alle apparaten
          </Button>
        </form>
      </div>
      <p className="mt-4 text-slate-700">
        Kiest u &ldquo;op alle apparaten&rdquo;? Dan moet u ook op uw telefoon en andere computers opnieuw inloggen.
      </p>
      <p className="mt-6">
        <PageLink href={startPathFor(user)}>Terug naar {startPageLabel(user).toLowerCase()}</PageLink>
      </p>
    </Container>
  );
}
