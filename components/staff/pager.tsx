import Link from "next/link";

/** Keyset paging: to the first page, and to the next one when there is more. */
export function Pager({ firstHref, nextHref, isFirst }: { firstHref: string; nextHref: string | null; isFirst: boolean }) {
  if (isFirst && !nextHref) return null;
  return (
    <nav aria-label="Pagina's" className="mt-4 flex gap-6">
      {!isFirst ? <Link href={firstHref}>Naar de eerste pagina</Link> : null}
      {nextHref ? <Link href={nextHref}>Volgende pagina</Link> : null}
    </nav>
  );
}
