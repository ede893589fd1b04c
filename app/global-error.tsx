"use client";

/**
 * Last resort when even the frame of the site (the root layout) fails. Plain HTML without the
 * layout or Tailwind; its look comes from public/global-error.css, because the
 * Content-Security-Policy refuses inline style attributes.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <head>
        <title>Er ging iets mis | WhatsApp Buurtpreventie</title>
        {/* eslint-disable-next-line @next/next/no-css-tags -- no root layout here to import CSS through */}
        <link rel="stylesheet" href="/global-error.css" />
      </head>
      <body>
        <header className="global-error-bar">WhatsApp Buurtpreventie</header>
        <main className="global-error">
          <h1>Er ging iets mis</h1>
          <p>De website is even niet bereikbaar. Probeer het over een paar minuten opnieuw.</p>
          <button type="button" onClick={() => reset()}>
            Probeer opnieuw
          </button>
        </main>
      </body>
    </html>
  );
}
