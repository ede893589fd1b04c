"use client";

/** Last resort when even the frame of the site fails. Plain HTML, no dependencies. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "3rem auto", padding: "0 1rem" }}>
        <main>
          <h1>Er ging iets mis</h1>
          <p>De website is even niet bereikbaar. Probeer het over een paar minuten opnieuw.</p>
          <button type="button" onClick={() => reset()} style={{ padding: "0.6rem 1.2rem", fontSize: "1rem" }}>
            Probeer opnieuw
          </button>
        </main>
      </body>
    </html>
  );
}
