import { PageLink } from "@/components/ui/page-link";
import { routes } from "@/lib/routes";

/** Shown on every page in demo mode: the data is made up and e-mail stays in the demo mailbox. */
export function DemoBanner({ mailbox }: { mailbox: boolean }) {
  return (
    <div className="no-print border-b-2 border-amber-600 bg-accent-400 text-slate-900">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm sm:px-6">
        <strong>Demo-omgeving.</strong> Alle namen, adressen en groepen zijn verzonnen. De indeling van
        postcodes in wijken is een voorbeeld.
        {mailbox ? (
          <>
            {" "}
            E-mails komen niet echt aan: u leest ze in de{" "}
            <PageLink href={routes.mailbox.list} className="font-semibold text-slate-900">
              demo-mailbox
            </PageLink>
            .
          </>
        ) : null}
      </p>
    </div>
  );
}
