import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptHouseRulesForm } from "@/components/group/accept-house-rules-form";
import { HouseRulesList } from "@/components/group/house-rules";
import { formatDate } from "@/components/staff/format";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { getHouseRulesStatus } from "@/lib/data/resident/house-rules";
import { routes } from "@/lib/routes";
import { safeReturnPath } from "@/lib/validation";
import { acceptHouseRulesAction } from "../../actions";

export const metadata: Metadata = { title: "De huisregels" };

/**
 * The house rules for a group admin, with what they accepted. When the rules changed (a new
 * HOUSE_RULES_VERSION) an admin is sent here before their group pages, and accepts first.
 */
export default async function HouseRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requirePagePermission("group.manage", routes.myGroups.houseRules);
  const [status, query] = await Promise.all([getHouseRulesStatus(user), searchParams]);
  const back = typeof query.terug === "string" ? safeReturnPath(query.terug) : null;
  const next = back && back.startsWith(routes.myGroups.list) ? back : routes.myGroups.list;
  return (
    <Container className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">De huisregels</h1>
      {status.mustAccept ? (
        <div className="space-y-2 rounded border-2 border-amber-600 bg-amber-50 p-4">
          <h2 className="text-xl font-bold">Lees eerst de huisregels</h2>
          <p>
            {status.accepted
              ? `De huisregels zijn veranderd. U accepteerde versie ${status.accepted.version}; nu geldt versie ${status.currentVersion}.`
              : `We hebben nog niet vastgelegd dat u de huisregels (versie ${status.currentVersion}) hebt geaccepteerd.`}{" "}
            Lees ze hieronder. Geef daarna aan dat u zich eraan houdt. Dan gaat u verder naar uw groepen.
          </p>
        </div>
      ) : status.accepted ? (
        <p>
          U hebt versie {status.accepted.version} van de huisregels geaccepteerd op {formatDate(status.accepted.at)}.{" "}
          <Link href={next}>Terug naar uw groepen</Link>
        </p>
      ) : (
        <p>Dit zijn de huisregels van elke buurtpreventiegroep (versie {status.currentVersion}).</p>
      )}
      <HouseRulesList headingLevel={2} />
      {status.mustAccept ? <AcceptHouseRulesForm next={next} action={acceptHouseRulesAction} /> : null}
    </Container>
  );
}
