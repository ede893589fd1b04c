import { PageLink } from "@/components/ui/page-link";
import type { PublicGroup } from "@/lib/validation/public-api";
import { routes } from "@/lib/routes";
import { addressesLabel } from "./format";
import { BordStatusBadge } from "./bord-status";

/** One group in a list: its name (a link to its page), wijk, number of addresses and bord. */
export function GroupCard({
  group,
  headingLevel = 3,
  highlight = false,
}: {
  group: PublicGroup;
  headingLevel?: 2 | 3 | 4;
  /** The searched address takes part in this group. */
  highlight?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`rounded-lg border-2 p-4 ${highlight ? "border-green-700 bg-green-50" : "border-slate-300 bg-white"}`}>
      <Heading className="text-lg font-bold">
        <PageLink href={routes.group(group.slug)}>{group.name}</PageLink>
      </Heading>
      {group.description ? <p className="mt-1 text-slate-800">{group.description}</p> : null}
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1">
          <dt className="font-semibold">Wijk:</dt>
          <dd>{group.area.name}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="font-semibold">Doen mee:</dt>
          <dd>{addressesLabel(group.addressCount)}</dd>
        </div>
        <div className="flex items-center gap-1">
          <dt className="sr-only">Buurtpreventiebord:</dt>
          <dd>
            <BordStatusBadge status={group.signStatus} />
          </dd>
        </div>
      </dl>
    </article>
  );
}
