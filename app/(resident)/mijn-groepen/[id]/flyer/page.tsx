import type { Metadata } from "next";
import { PrintButton } from "@/components/group/print-button";
import { SaarSteps } from "@/components/group/house-rules";
import { QrCode } from "@/components/group/qr-code";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";
import { loadAdminPage } from "../load";

export const metadata: Metadata = { title: "Flyer" };

/** A printable A4 flyer: name, wijk, QR code and link to the public page, SAAR. No personal data. */
export default async function FlyerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { group } = await loadAdminPage(id, routes.myGroups.flyer);
  const url = `${getEnv().appUrl}${routes.group(group.slug)}`;
  return (
    // The print layout (A4, no site header or navigation) is in app/globals.css: an inline <style>
    // here is blocked by the Content-Security-Policy.
    <div data-flyer>
      <div className="no-print mb-6 space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">Flyer voor {group.name}</h1>
        <p>
          Print deze flyer op A4 en deel hem uit in de buurt. Er staan geen namen of telefoonnummers op. Buren scannen de QR-code en melden zich aan
          via de website.
        </p>
        <PrintButton />
      </div>
      <article aria-label="De flyer" className="mx-auto max-w-[190mm] space-y-6 border-2 border-slate-400 p-8 print:border-0 print:p-0">
        <header className="space-y-2 text-center">
          <p className="text-lg font-semibold uppercase tracking-wide text-brand-700">WhatsApp Buurtpreventie</p>
          <p className="text-4xl font-bold text-brand-800">{group.name}</p>
          <p className="text-xl">
            Wijk {group.areaName}, {group.municipalityName}
          </p>
        </header>
        <p className="text-center text-xl">Samen letten we op onze buurt. Doet u mee?</p>
        <div className="flex flex-col items-center gap-3">
          <QrCode text={url} label={`QR-code naar ${url}`} className="w-56 [&>svg]:h-auto [&>svg]:w-full" />
          <p className="text-center text-lg">
            Scan de code of ga naar
            <br />
            <strong className="break-all">{url}</strong>
          </p>
        </div>
        <section aria-label="Ziet u iets verdachts? Volg SAAR" className="space-y-2">
          <p className="text-2xl font-bold">Ziet u iets verdachts? Volg SAAR</p>
          <SaarSteps large />
        </section>
        <p className="rounded bg-brand-50 p-3 text-center text-lg font-semibold print:border print:border-slate-400">
          Bel bij gevaar altijd eerst 112. Geen spoed? Bel de politie op 0900-8844.
        </p>
      </article>
    </div>
  );
}
