import type { PublicMunicipality } from "@/lib/data/public/municipalities";

/** "team Veiligheid van de gemeente X: <mailbox>", for each municipality this site serves. */
export function MunicipalityContact({ municipalities, subject }: { municipalities: PublicMunicipality[]; subject?: string }) {
  const mailto = (email: string) => `mailto:${email}${subject ? `?subject=${encodeURIComponent(subject)}` : ""}`;
  if (municipalities.length === 0) return <>team Veiligheid van uw gemeente</>;
  if (municipalities.length === 1) {
    const [m] = municipalities;
    return (
      <>
        team Veiligheid van de gemeente {m.name}: <a href={mailto(m.safetyEmail)}>{m.safetyEmail}</a>
      </>
    );
  }
  return (
    <>
      team Veiligheid van uw gemeente:
      <ul className="mt-2 list-disc pl-6">
        {municipalities.map((m) => (
          <li key={m.code}>
            {m.name}: <a href={mailto(m.safetyEmail)}>{m.safetyEmail}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
