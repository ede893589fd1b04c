import Link from "next/link";

const links = [
  { href: "/", label: "Zoeken" },
  { href: "/wijken", label: "Wijken" },
  { href: "/informatie", label: "Hoe werkt het?" },
  { href: "/groep-starten", label: "Groep starten" },
];

/** What the header shows of the signed-in user: their start page and a sign-out button. */
export interface HeaderUser {
  startPath: string;
  startLabel: string;
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
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <Link href="/" className="text-white no-underline hover:text-white">
          {municipalityName ? (
            <span className="block text-sm font-normal">Gemeente {municipalityName}</span>
          ) : null}
          <span className="block text-xl font-bold">WhatsApp Buurtpreventie</span>
        </Link>
        <nav aria-label="Hoofdmenu">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-white hover:text-white">
                  {link.label}
                </Link>
              </li>
            ))}
            {user ? (
              <>
                <li>
                  <Link href={user.startPath} className="font-semibold text-white hover:text-white">
                    {user.startLabel}
                  </Link>
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
                    <Link href="/uitloggen" className="text-white hover:text-white">
                      Uitloggen
                    </Link>
                  )}
                </li>
              </>
            ) : (
              <li>
                <Link href="/inloggen" className="font-semibold text-white hover:text-white">
                  Inloggen
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
