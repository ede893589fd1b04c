import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatCalendarDay } from "@/components/staff/format";
import { Container } from "@/components/ui/container";
import { Table } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth";
import { listBordsForStaff, type BordListItem } from "@/lib/data/staff/bords";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Geplaatste borden" };

function BordTable({ caption, items, showMunicipality }: { caption: string; items: BordListItem[]; showMunicipality: boolean }) {
  return (
    <Table
      caption={caption}
      columns={[{ label: "Groep" }, { label: "Wijk" }, { label: "Plek" }, { label: "Geplaatst" }, { label: "Open meldingen", numeric: true }]}
    >
      {items.map((s) => (
        <tr key={s.id} className="border-b border-slate-300">
          <th scope="row" className="py-2 pr-4 font-normal">
            <Link href={routes.staff.placedBord(s.id)}>{s.groupName}</Link>
            {s.groupStatus === "dissolved" ? <span className="block text-sm text-slate-700">opgeheven</span> : null}
            {showMunicipality ? <span className="block text-sm text-slate-700">{s.municipalityName}</span> : null}
          </th>
          <td className="py-2 pr-4">{s.areaName}</td>
          <td className="py-2 pr-4">{s.location}</td>
          <td className="py-2 pr-4">{formatCalendarDay(s.placedOn)}</td>
          <td className="py-2 text-right tabular-nums">{s.openReports}</td>
        </tr>
      ))}
    </Table>
  );
}

export default async function PlacedBordsPage() {
  await connection();
  const user = await requirePagePermission("bord.maintain", routes.staff.placedBords);
  const all = await listBordsForStaff(user);
  const removal = all.filter((s) => s.status === "removal_pending");
  const reported = all.filter((s) => s.status === "standing" && s.openReports > 0);
  const rest = all.filter((s) => s.status === "standing" && s.openReports === 0);
  const showMunicipality = user.role === "platform_admin";
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Geplaatste borden</h1>
      <p className="mt-2">
        Elk geplaatst bord met zijn plek, eigenaar en kosten. Bewoners kunnen een kapot of verdwenen bord melden op de pagina van de
        groep; u krijgt dan een e-mail.
      </p>

      <section aria-labelledby="weghalen" className="mt-8">
        <h2 id="weghalen" className="text-2xl font-bold">Weg te halen</h2>
        {removal.length === 0 ? (
          <p className="mt-2">Er zijn geen borden die weg moeten.</p>
        ) : (
          <>
            <p className="mt-2">De groep is opgeheven, maar het bord staat er nog. Leg vast wanneer het is weggehaald.</p>
            <BordTable caption="Borden om weg te halen" items={removal} showMunicipality={showMunicipality} />
          </>
        )}
      </section>

      <section aria-labelledby="meldingen" className="mt-8">
        <h2 id="meldingen" className="text-2xl font-bold">Met open meldingen</h2>
        {reported.length === 0 ? (
          <p className="mt-2">Er zijn geen open meldingen.</p>
        ) : (
          <BordTable caption="Borden met open meldingen" items={reported} showMunicipality={showMunicipality} />
        )}
      </section>

      <section aria-labelledby="overige" className="mt-8">
        <h2 id="overige" className="text-2xl font-bold">Alle andere borden</h2>
        {rest.length === 0 ? (
          <p className="mt-2">Er staan geen andere borden.</p>
        ) : (
          <BordTable caption="Geplaatste borden zonder meldingen" items={rest} showMunicipality={showMunicipality} />
        )}
      </section>
    </Container>
  );
}
