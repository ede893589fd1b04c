import { can, getCurrentUser } from "@/lib/auth";
import { csvFileName, csvHeaders, toCsv } from "@/lib/format/csv";
import { exportGroupsForStaff, type StaffGroupExportRow } from "@/lib/data/staff/groups";
import { parseGroupFilters } from "@/lib/validation/group-filters";
import { BORD_REQUEST_STATUS_LABELS } from "@/lib/domain";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

/**
 * CSV of the groups that match the filters of /beheer/groepen, with admins' contact details.
 * Audited. `?formaat=wabp` gives the active groups in the columns for submitting them to wabp.nl.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!can(user, "group.export")) return new Response("Niet gevonden", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const rows = await exportGroupsForStaff(user, parseGroupFilters(params));
  const join = (row: StaffGroupExportRow, pick: (a: StaffGroupExportRow["admins"][number]) => string | null) =>
    row.admins.map((a) => pick(a) ?? "").join(", ");
  if (params.formaat === "wabp") {
    // Issue 19: one line per active group in the columns wabp.nl asks when a group is added
    // there (name, municipality, place, neighbourhood, postcodes, contact), for staff to submit.
    const appUrl = getEnv().appUrl;
    const wabp = toCsv<StaffGroupExportRow>(
      [
        { label: "Naam groep", value: (r) => r.name },
        { label: "Gemeente", value: (r) => r.municipalityName },
        { label: "Wijk", value: (r) => r.areaName },
        { label: "Postcodegebieden", value: (r) => r.postcodeAreas.join(" ") },
        { label: "Deelnemende adressen", value: (r) => r.addressCount },
        { label: "Bord geplaatst", value: (r) => (r.bordStatus === "placed" ? "ja" : "nee") },
        { label: "Al op wabp.nl", value: (r) => (r.wabpRegistered ? "ja" : "nee") },
        { label: "Contactpersoon", value: (r) => r.admins[0]?.name ?? "" },
        { label: "E-mail contactpersoon", value: (r) => r.admins[0]?.email ?? "" },
        { label: "Openbare pagina", value: (r) => `${appUrl}${routes.group(r.slug)}` },
      ],
      rows.filter((r) => r.status === "active"),
    );
    return new Response(wabp, { headers: csvHeaders(csvFileName("groepen-wabp")) });
  }
  const csv = toCsv<StaffGroupExportRow>(
    [
      { label: "Groep", value: (r) => r.name },
      { label: "Gemeente", value: (r) => r.municipalityName },
      { label: "Wijk", value: (r) => r.areaName },
      { label: "Status", value: (r) => (r.status === "active" ? "actief" : "opgeheven") },
      { label: "Adressen", value: (r) => r.addressCount },
      { label: "Aantal beheerders", value: (r) => r.adminCount },
      { label: "Bord", value: (r) => (r.bordStatus ? BORD_REQUEST_STATUS_LABELS[r.bordStatus] : "geen aanvraag") },
      { label: "Aangemeld op", value: (r) => r.createdAt.toISOString().slice(0, 10) },
      { label: "Op wabp.nl", value: (r) => (r.wabpRegistered ? "ja" : "nee") },
      { label: "Beheerders", value: (r) => join(r, (a) => a.name) },
      { label: "E-mail beheerders", value: (r) => join(r, (a) => a.email) },
      { label: "Telefoon beheerders", value: (r) => join(r, (a) => a.phone) },
    ],
    rows,
  );
  return new Response(csv, { headers: csvHeaders(csvFileName("groepen")) });
}
