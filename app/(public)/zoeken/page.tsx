import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AddressSearchForm } from "@/components/search/address-search-form";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { findGroupsCoveringAddress } from "@/lib/data/lookup";
import { DomainError, formatPostcode, normalizeAddition, normalizePostcode } from "@/lib/domain";

export const metadata: Metadata = {
  title: "Zoeken op adres",
  description: "Zoek de WhatsApp-buurtpreventiegroep voor uw adres.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value ?? "").slice(0, 100);
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const values = { postcode: first(params.postcode), huisnummer: first(params.huisnummer), toevoeging: first(params.toevoeging) };
  const errors: Partial<Record<keyof typeof values, string>> = {};
  const asked = Boolean(values.postcode || values.huisnummer || values.toevoeging);

  const postcode = normalizePostcode(values.postcode);
  if (!postcode) errors.postcode = values.postcode ? "Dit is geen Nederlandse postcode. Vul hem in zoals 2922 AB." : "Vul uw postcode in, bijvoorbeeld 2922 AB.";
  const houseNumber = /^\d{1,5}$/.test(values.huisnummer.trim()) ? Number(values.huisnummer.trim()) : NaN;
  if (!(houseNumber >= 1 && houseNumber <= 99999)) errors.huisnummer = "Vul een huisnummer in van 1 tot en met 99999, zonder letters.";
  let addition = "";
  try {
    addition = normalizeAddition(values.toevoeging);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.toevoeging = "De toevoeging is te lang. Gebruik hoogstens 6 tekens, bijvoorbeeld A of bis.";
  }

  const shownErrors = asked ? errors : {};
  const valid = asked && Object.keys(errors).length === 0 && postcode !== null;
  const results = valid ? await findGroupsCoveringAddress({ postcode, houseNumber, addition }) : [];
  const addressLabel = valid ? `${formatPostcode(postcode)} ${houseNumber}${addition ? ` ${addition}` : ""}` : "";

  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Zoeken op adres</h1>
      <div className="mt-6">
        <AddressSearchForm values={values} errors={shownErrors} />
      </div>
      {valid ? (
        <section aria-labelledby="resultaat" className="mt-8" aria-live="polite">
          <h2 id="resultaat" className="text-2xl font-bold">
            Resultaat voor {addressLabel}
          </h2>
          {results.length > 0 ? (
            <ul className="mt-4 space-y-3">
              {results.map((group) => (
                <li key={group.slug} className="rounded-lg border-2 border-green-700 bg-green-50 p-4">
                  <p className="font-semibold">Dit adres doet mee in:</p>
                  <p className="text-lg">
                    <Link href={`/groepen/${group.slug}`}>{group.name}</Link> (wijk {group.areaName})
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-4 rounded-lg border-2 border-slate-300 p-4">
              <p>Voor dit adres is nog geen groep aangemeld.</p>
              <p className="mt-3">
                <ButtonLink href="/groep-starten">Start zelf een groep</ButtonLink>
              </p>
            </div>
          )}
        </section>
      ) : null}
    </Container>
  );
}
