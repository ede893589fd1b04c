import Link from "next/link";
import { AddressSearchForm } from "@/components/search/address-search-form";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export default function HomePage() {
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800 sm:text-4xl">Samen letten we op de buurt</h1>
      <p className="mt-3 max-w-3xl text-lg">
        In een WhatsApp-buurtpreventiegroep waarschuwen buren elkaar als er iets verdachts gebeurt. Kijk of er
        al een groep is voor uw adres. Is er nog geen groep? Dan kunt u er zelf een starten.
      </p>

      <section aria-labelledby="zoek-titel" className="mt-8 rounded-lg border-2 border-brand-100 bg-brand-50 p-5">
        <h2 id="zoek-titel" className="text-xl font-bold">
          Is er een groep voor mijn adres?
        </h2>
        <div className="mt-4">
          <AddressSearchForm headingId="zoek-titel" />
        </div>
      </section>

      <div className="mt-10 grid gap-6 md:grid-cols-3">
        <section aria-labelledby="eerst-112" className="rounded-lg border p-5">
          <h2 id="eerst-112" className="text-lg font-bold">
            Eerst 112, dan de groep
          </h2>
          <p className="mt-2">
            Ziet u iets verdachts? Bel eerst <strong>112</strong>. De politie komt alleen na een melding. Zet het
            daarna in de groep. Geen spoed? Bel <strong>0900-8844</strong>.
          </p>
        </section>
        <section aria-labelledby="zelf-starten" className="rounded-lg border p-5">
          <h2 id="zelf-starten" className="text-lg font-bold">
            Zelf een groep starten
          </h2>
          <p className="mt-2">
            U maakt de groep in WhatsApp en meldt hem hier aan. Dan weten de wijkagent en de gemeente ervan.
          </p>
          <p className="mt-3">
            <ButtonLink href="/groep-starten" variant="secondary">
              Groep aanmelden
            </ButtonLink>
          </p>
        </section>
        <section aria-labelledby="bord" className="rounded-lg border p-5">
          <h2 id="bord" className="text-lg font-bold">
            Een bord in uw straat
          </h2>
          <p className="mt-2">
            Doen er 50 adressen of meer mee? Dan kan de groep de gemeente vragen om een buurtpreventiebord.
          </p>
        </section>
      </div>

      <p className="mt-8">
        <Link href="/informatie">Lees hoe WhatsApp-buurtpreventie werkt</Link> — met de huisregels en de
        SAAR-methode.
      </p>
    </Container>
  );
}
