import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { MunicipalityForm } from "@/components/staff/municipality-form";
import { Container } from "@/components/ui/container";
import { Table } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth";
import { listManagedMunicipalities } from "@/lib/data/platform/municipalities";
import { routes } from "@/lib/routes";
import { createMunicipalityAction } from "./actions";

export const metadata: Metadata = { title: "Gemeenten" };

export default async function MunicipalitiesPage() {
  await connection();
  const user = await requirePagePermission("municipality.manage", routes.staff.municipalities);
  const list = await listManagedMunicipalities(user);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Gemeenten</h1>
      <p className="mt-2 max-w-3xl">
        De gemeenten die deze website gebruiken. Open een gemeente om haar gegevens te wijzigen, medewerkers uit te nodigen of
        haar uit te zetten.
      </p>

      <section aria-labelledby="lijst" className="mt-8">
        <h2 id="lijst" className="text-2xl font-bold">Alle gemeenten ({list.length})</h2>
        {list.length === 0 ? (
          <p className="mt-2">Er is nog geen gemeente. Voeg hieronder de eerste toe.</p>
        ) : (
          <Table
            caption="Gemeenten met hun CBS-code, status, aantal wijken, groepen en medewerkers"
            columns={[
              { label: "Gemeente" },
              { label: "CBS-code" },
              { label: "Status" },
              { label: "Wijken", numeric: true },
              { label: "Actieve groepen", numeric: true },
              { label: "Medewerkers en wijkagenten", numeric: true },
            ]}
          >
            {list.map((m) => (
              <tr key={m.id} className="border-b border-slate-300">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={routes.staff.municipality(m.id)}>{m.name}</Link>
                </th>
                <td className="py-2 pr-4">{m.code}</td>
                <td className="py-2 pr-4">{m.disabled ? "Uitgezet" : "Doet mee"}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{m.areas}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{m.activeGroups}</td>
                <td className="py-2 text-right tabular-nums">{m.staff}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="toevoegen" className="mt-10">
        <h2 id="toevoegen" className="text-2xl font-bold">Gemeente toevoegen</h2>
        <MunicipalityForm action={createMunicipalityAction} />
      </section>
    </Container>
  );
}
