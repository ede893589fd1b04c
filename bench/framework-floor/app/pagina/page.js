import { headers } from "next/headers";

/**
 * The page floor: a page rendered for every request (it reads the request's headers, as every
 * product page does for its CSP nonce), with no data and no client component. What Next.js and
 * React cost per server-rendered page on this machine, the twin of the product's /inloggen.
 */
export default async function Page() {
  const h = await headers();
  return (
    <main>
      <h1>Pagina</h1>
      <p>Een pagina zonder gegevens, voor elke aanvraag opnieuw gemaakt ({h.get("accept-language") ?? "nl"}).</p>
    </main>
  );
}
