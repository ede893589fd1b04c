import { PageLink } from "@/components/ui/page-link";
import { routes } from "@/lib/routes";

const links = [
  { href: routes.home, label: "Zoeken" },
  { href: routes.areas, label: "Wijken" },
  { href: routes.information, label: "Hoe werkt het?" },
  { href: routes.startGroup, label: "Groep starten" },
];

/** What the header shows of the signed-in user: their start page and a sign-out button. */
export interface HeaderUser {
  startPath: string;
  startLabel: string;
  /** Whether the account may register a group: staff and wijkagenten do not see "Groep starten". */
  canStartGroup: boolean;
}

export function SiteHeader({
  municipalityName,
  user = null,
  signOutAction,
}: {
  municipalityName: string | null;
  user?: HeaderUser | null;
  /** The server action behind "Uitloggen" (a POST); without it the button links to /uitloggen. */
  signOutAction?: () => Promise<void>;
}) {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-3 sm:px-6 sm:py-4">
        <PageLink href={routes.home} className="text-white no-underline hover:text-white">
          {municipalityName ? (
            <span className="block text-xs font-normal sm:text-sm">Gemeente {municipalityName}</span>
          ) : null}
          <span className="block text-lg font-bold sm:text-xl">WhatsApp Buurtpreventie</span>
        </PageLink>
        <nav aria-label="Hoofdmenu">
          <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm sm:gap-x-4 sm:text-base">
            {links.filter((link) => link.href !== routes.startGroup || !user || user.canStartGroup).map((link) => (
              <li key={link.href}>
                <PageLink href={link.href} className="text-white hover:text-white">
                  {link.label}
                </PageLink>
              </li>
            ))}
            {user ? (
              <>
                <li>
                  <PageLink href={user.startPath} className="font-semibold text-white hover:text-white">
                    {user.startLabel}
                  </PageLink>
                </li>
                <li>
                  {signOutAction ? (
                    <form action={signOutAction}>
                      <button
                        type="submit"
                        className="cursor-pointer text-white underline underline-offset-2 hover:no-underline"
                      >
                        Uitloggen
                      </button>
                    </form>
                  ) : (
                    <PageLink href={routes.signOut} className="text-white hover:text-white">
                      Uitloggen
                    </PageLink>
                  )}
                </li>
              </>
            ) : (
              <li>
                <PageLink href={routes.signIn} className="font-semibold text-white hover:text-white">
                  Inloggen
                </PageLink>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
