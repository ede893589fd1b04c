import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmActionButton } from "@/components/group/confirm-action-button";
import { AddMemberAddressForm, AddressListForm } from "@/components/group/member-address-forms";
import { listMemberAddresses } from "@/lib/data/resident/member-addresses";
import { routes } from "@/lib/routes";
import { addMemberAddressAction, addMemberAddressListAction, removeMemberAddressAction } from "../../../actions";
import { loadAdminPage, orNotFound } from "../load";
import { addressesAgainstThreshold } from "@/lib/format";

export const metadata: Metadata = { title: "Adressen" };

export default async function AddressesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { user, group } = await loadAdminPage(id, routes.myGroups.addresses);
  const query = await searchParams;
  const requested = Number.parseInt(typeof query.pagina === "string" ? query.pagina : "1", 10);
  const list = await orNotFound(listMemberAddresses(user, group.id, { page: Number.isFinite(requested) ? requested : 1 }));
  const base = routes.myGroups.addresses(group.id);
  const percentage = Math.min(100, Math.round((list.counted / list.threshold) * 100));
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold text-brand-800">Adressen van {group.name}</h1>

      <section aria-labelledby="teller" className="space-y-2 rounded border-2 border-brand-700 bg-brand-50 p-4">
        <h2 id="teller" className="text-xl font-bold">
          {addressesAgainstThreshold(list.counted, list.threshold)}
        </h2>
        <div className="h-4 w-full overflow-hidden rounded bg-white ring-1 ring-slate-500" aria-hidden="true">
          {/* An SVG bar, not a style attribute: the Content-Security-Policy allows no inline styles. */}
          <svg className="block h-full w-full" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
            <rect x="0" y="0" width={percentage} height="1" className="fill-brand-700" />
          </svg>
        </div>
        {list.countedElsewhere > 0 ? (
          <p>
            {list.countedElsewhere === 1
              ? "1 adres staat ook bij een andere groep, die het eerder had. Het telt daar mee voor een bord, niet hier."
              : `${list.countedElsewhere} adressen staan ook bij een andere groep, die ze eerder had. Ze tellen daar mee voor een bord, niet hier.`}
          </p>
        ) : null}
        <p>
          {list.missing > 0
            ? `U hebt nog ${list.missing} ${list.missing === 1 ? "adres" : "adressen"} in de gemeente nodig om een bord aan te vragen.`
            : "Uw groep heeft genoeg adressen om een bord aan te vragen."}{" "}
          {list.missing === 0 ? <Link href={routes.myGroups.bord(group.id)}>Naar de bordaanvraag</Link> : null}
        </p>
        {list.outside > 0 ? (
          <p>
            {list.outside} {list.outside === 1 ? "adres ligt" : "adressen liggen"} buiten de gemeente. Die staan in de lijst, maar tellen niet mee.
          </p>
        ) : null}
        {list.unchecked > 0 ? (
          <p>
            {list.unchecked} {list.unchecked === 1 ? "adres is" : "adressen zijn"} nog niet gecontroleerd in de landelijke adressenlijst. Die tellen mee zodra ze gecontroleerd zijn; dat gaat vanzelf.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="een" className="space-y-3">
        <h2 id="een" className="text-2xl font-bold">
          Eén adres toevoegen
        </h2>
        <AddMemberAddressForm groupId={group.id} action={addMemberAddressAction} />
      </section>

      <section aria-labelledby="veel" className="space-y-3">
        <h2 id="veel" className="text-2xl font-bold">
          Veel adressen tegelijk toevoegen
        </h2>
        <p>Plak een lijst of kies een bestand. U ziet eerst per regel wat wij ervan maken. Pas daarna slaat u de adressen op.</p>
        <AddressListForm groupId={group.id} action={addMemberAddressListAction} />
      </section>

      <section aria-labelledby="lijst" className="space-y-3">
        <h2 id="lijst" className="text-2xl font-bold">
          Alle adressen ({list.total})
        </h2>
        {list.total === 0 ? (
          <p>Er staan nog geen adressen in de lijst.</p>
        ) : (
          <>
            <div role="region" aria-label="Adressen in de lijst" tabIndex={0} className="relative max-w-full overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">
                  Adressen, pagina {list.page} van {list.pageCount}
                </caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="py-2 pr-3">Adres</th>
                    <th scope="col" className="py-2 pr-3">Telt mee?</th>
                    <th scope="col" className="py-2 pr-3">
                      <span className="sr-only">Verwijderen</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((a) => (
                    <tr key={a.id} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-3">
                        {a.label}
                        {a.street ? <span className="block text-sm text-slate-700">{[a.street, a.town].filter(Boolean).join(", ")}</span> : null}
                      </td>
                      <td className="py-2 pr-3">
                        {!a.inMunicipality ? (
                          <strong className="text-red-800">Nee, buiten de gemeente</strong>
                        ) : a.verification === "not_found" ? (
                          <strong className="text-red-800">Nee, niet gevonden in de landelijke adressenlijst</strong>
                        ) : a.verification === "unchecked" ? (
                          "Nog niet: niet gecontroleerd"
                        ) : (
                          "Ja"
                        )}
                      </td>
                      <td className="py-2">
                        <ConfirmActionButton
                          label="Verwijderen"
                          srLabel={a.label}
                          confirmQuestion={`${a.label} verwijderen?`}
                          confirmLabel="Ja, verwijderen"
                          action={removeMemberAddressAction}
                          payload={{ groupId: group.id, addressId: a.id }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.pageCount > 1 ? (
              <nav aria-label="Pagina's met adressen" className="flex flex-wrap items-center gap-4">
                {list.page > 1 ? <Link href={`${base}?pagina=${list.page - 1}`}>Vorige pagina</Link> : null}
                <span>
                  Pagina {list.page} van {list.pageCount}
                </span>
                {list.page < list.pageCount ? <Link href={`${base}?pagina=${list.page + 1}`}>Volgende pagina</Link> : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
