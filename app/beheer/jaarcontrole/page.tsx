import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatDate, formatDateTime, formatNumber } from "@/components/staff/format";
import { MunicipalityPicker } from "@/components/staff/municipality-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Table } from "@/components/ui/table";
import { requirePagePermission } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { listMunicipalitiesForStaff, resolveStaffMunicipality } from "@/lib/data/staff/scope";
import { getYearlyCheckOverview } from "@/lib/data/staff/yearly-check";
import { CHECK_STAGE_LABELS, DECISION_AFTER_DAYS, OPEN_CHECK_STAGES, REMIND_AFTER_DAYS, UNCONFIRMED_AFTER_DAYS, type OpenCheckStage } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { runYearlyCheckAction } from "../actions";

export const metadata: Metadata = { title: "Jaarcontrole" };

const STAGE_HELP: Record<OpenCheckStage, string> = {
  asked: "De beheerders kregen een e-mail met de vraag of de groep nog actief is.",
  reminded: `Na ${REMIND_AFTER_DAYS} dagen kregen de beheerders een herinnering.`,
  unconfirmed: `Na ${UNCONFIRMED_AFTER_DAYS} dagen geen antwoord. Team Veiligheid en de wijkagent kregen bericht.`,
  decision: `Na ${DECISION_AFTER_DAYS} dagen geen antwoord. Beslis of de groep blijft of wordt opgeheven.`,
};

export default async function YearlyCheckPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("group.view_all", routes.staff.yearlyCheck);
  const params = await searchParams;
  const municipality = await resolveStaffMunicipality(user, first(params, "gemeente"));
  if (!municipality) {
    return (
      <Container>
        <h1 className="text-3xl font-bold text-brand-800">Jaarcontrole</h1>
        <p className="mt-4">Er is nog geen gemeente ingesteld.</p>
      </Container>
    );
  }
  const [overview, list] = await Promise.all([getYearlyCheckOverview(user, municipality.id), listMunicipalitiesForStaff(user)]);
  if (!overview) notFound();
  const done = first(params, "uitgevoerd") !== undefined;
  const failed = first(params, "fout") !== undefined;
  const run = overview.lastRun;
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Jaarcontrole van {municipality.name}</h1>
      <MunicipalityPicker list={list} current={municipality.id} />
      <p className="mt-4 max-w-3xl">
        Twaalf maanden na de aanmelding of de laatste bevestiging vragen we de beheerders of hun groep nog actief is. Na {REMIND_AFTER_DAYS} dagen
        volgt een herinnering. Na {UNCONFIRMED_AFTER_DAYS} dagen zonder antwoord krijgen team Veiligheid en de wijkagent bericht. Na{" "}
        {DECISION_AFTER_DAYS} dagen beslist u: de groep blijft, of wordt opgeheven. De controle loopt elk uur vanzelf.
      </p>

      {done ? (
        <div className="mt-6">
          <Alert tone="success" title="De jaarcontrole is uitgevoerd" role="status">
            <p>Hieronder ziet u wat er is gebeurd.</p>
          </Alert>
        </div>
      ) : null}
      {failed ? (
        <div className="mt-6">
          <Alert tone="error" title="Dat lukte niet" role="alert">
            <p>De jaarcontrole kon niet worden uitgevoerd. Probeer het later opnieuw.</p>
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="laatste" className="mt-8">
        <h2 id="laatste" className="text-2xl font-bold">Laatste keer uitgevoerd</h2>
        {run ? (
          <>
            <p className="mt-2">
              {formatDateTime(run.startedAt)}, {run.scheduled ? "vanzelf (elk uur)" : `door ${run.byName ?? "een medewerker"}`}.
              {run.failed ? " Dit ging mis; de volgende keer wordt het opnieuw geprobeerd." : ""}
            </p>
            <ul className="mt-2 list-disc pl-6">
              <li>Gevraagd: {formatNumber(run.report.asked ?? 0)} groepen</li>
              <li>Herinnerd: {formatNumber(run.report.reminded ?? 0)} groepen</li>
              <li>Niet bevestigd gemeld: {formatNumber(run.report.unconfirmed ?? 0)} groepen</li>
              <li>Klaar om te beslissen: {formatNumber(run.report.decision ?? 0)} groepen</li>
              <li>E-mails verstuurd: {formatNumber(run.report.mails ?? 0)}</li>
            </ul>
          </>
        ) : (
          <p className="mt-2">Nog niet uitgevoerd.</p>
        )}
        <p className="mt-2">
          Wachten op de eerste vraag: {overview.waiting === 1 ? "1 groep" : `${formatNumber(overview.waiting)} groepen`}.
        </p>
        {can(user, "group.check") ? (
          <form action={runYearlyCheckAction} className="mt-4">
            <input type="hidden" name="municipalityId" value={municipality.id} />
            <Button type="submit">Nu uitvoeren</Button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="fasen" className="mt-8">
        <h2 id="fasen" className="text-2xl font-bold">Groepen per fase</h2>
        <Table caption="Lopende jaarcontroles per fase" columns={[{ label: "Fase" }, { label: "Groepen", numeric: true }, { label: "Wat er is gebeurd" }]}>
          {OPEN_CHECK_STAGES.map((stage) => (
            <tr key={stage} className="border-b border-slate-300">
              <th scope="row" className="py-2 pr-4 font-normal">{CHECK_STAGE_LABELS[stage]}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(overview.counts[stage])}</td>
              <td className="py-2">{STAGE_HELP[stage]}</td>
            </tr>
          ))}
        </Table>
      </section>

      <section aria-labelledby="groepen" className="mt-8">
        <h2 id="groepen" className="text-2xl font-bold">Lopende controles</h2>
        {overview.groups.length === 0 ? (
          <p className="mt-2">Er lopen geen controles.</p>
        ) : (
          <Table caption="Groepen met een lopende jaarcontrole" columns={[{ label: "Groep" }, { label: "Wijk" }, { label: "Fase" }, { label: "Gevraagd op" }]}>
            {overview.groups.map((g) => (
              <tr key={g.groupId} className="border-b border-slate-300">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={routes.staff.group(g.groupId)}>{g.name}</Link>
                </th>
                <td className="py-2 pr-4">{g.areaName}</td>
                <td className="py-2 pr-4">{CHECK_STAGE_LABELS[g.stage]}</td>
                <td className="py-2">{formatDate(g.startedAt)}</td>
              </tr>
            ))}
          </Table>
        )}
        <p className="mt-4">
          <Link href={`${routes.staff.groups}?controle=niet-bevestigd`}>Alle groepen die niet zijn bevestigd</Link>
        </p>
      </section>
    </Container>
  );
}
