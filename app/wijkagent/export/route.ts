import { can, getCurrentUser } from "@/lib/auth";
import { csvFileName, csvHeaders, toCsv } from "@/lib/format/csv";
import { exportGroupsForWijkagent, type WijkagentGroup } from "@/lib/data/wijkagent/groups";
import { BORD_REQUEST_STATUS_LABELS } from "@/lib/domain";

export const dynamic = "force-dynamic";

/** CSV of the groups in the wijkagent's wijken, with admins' names and phone numbers. Audited. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!can(user, "wijkagent.view")) return new Response("Niet gevonden", { status: 404 });
  const rows = await exportGroupsForWijkagent(user);
  const csv = toCsv<WijkagentGroup>(
    [
      { label: "Groep", value: (g) => g.name },
      { label: "Wijk", value: (g) => g.areaName },
      { label: "Adressen", value: (g) => g.addressCount },
      { label: "Bord", value: (g) => (g.bordStatus ? BORD_REQUEST_STATUS_LABELS[g.bordStatus] : "geen aanvraag") },
      { label: "Beheerders", value: (g) => g.admins.map((a) => a.name ?? "").join(", ") },
      { label: "Telefoon beheerders", value: (g) => g.admins.map((a) => a.phone ?? "").join(", ") },
      { label: "Straten", value: (g) => g.streets.map((s) => `${s.label} (${s.addresses})`).join(", ") },
    ],
    rows,
  );
  return new Response(csv, { headers: csvHeaders(csvFileName("groepen-mijn-wijken")) });
}
