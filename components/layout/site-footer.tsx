import { PageLink } from "@/components/ui/page-link";
import { routes } from "@/lib/routes";

export function SiteFooter() {
  return (
    <footer className="no-print mt-16 border-t-4 border-brand-700 bg-slate-100">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 text-sm sm:grid-cols-3 sm:px-6">
        <div>
          <h2 className="font-semibold">Direct hulp nodig?</h2>
          <p>
            Bij spoed: bel <strong>112</strong>. Geen spoed: bel de politie op <strong>0900-8844</strong>.
          </p>
        </div>
        <div>
          <h2 className="font-semibold">Meer weten</h2>
          <ul>
            <li>
              <PageLink href={routes.information}>Hoe werkt buurtpreventie?</PageLink>
            </li>
            <li>
              <PageLink href={routes.areas}>Groepen per wijk</PageLink>
            </li>
          </ul>
        </div>
        <div>
          <h2 className="font-semibold">Over deze website</h2>
          <ul>
            <li>
              <PageLink href={routes.privacy}>Privacy</PageLink>
            </li>
            <li>
              <PageLink href={routes.accessibility}>Toegankelijkheid</PageLink>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
