import { Button } from "@/components/ui/button";

interface Pair {
  groupA: { id: string; name: string };
  groupB: { id: string; name: string };
  sharedAddresses: number;
  decidedForA: number;
  decidedForB: number;
}

/**
 * Which group the addresses of one overlapping pair count for: three small forms,
 * each one button, so they work without JavaScript. The server action answers with the page
 * and a message.
 */
export function SharedAddressForms({
  pair,
  municipalityId,
  action,
}: {
  pair: Pair;
  municipalityId: string;
  action: (formData: FormData) => Promise<void>;
}) {
  const { groupA: a, groupB: b } = pair;
  const decided = pair.decidedForA + pair.decidedForB;
  const choice = (groupId: string, otherGroupId: string, countFor: "group" | "first_joined", label: string, current: boolean) => (
    <form action={action}>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="otherGroupId" value={otherGroupId} />
      <input type="hidden" name="countFor" value={countFor} />
      <Button type="submit" variant="secondary" className="min-h-9 px-3 py-1 text-sm" aria-pressed={current}>
        {label}
      </Button>
    </form>
  );
  return (
    <div className="mt-2 space-y-2">
      <p className="text-sm text-slate-700">
        {decided === 0
          ? "Nu telt elk gedeeld adres bij de groep waar het het eerst bij kwam."
          : `De gemeente besloot: ${pair.decidedForA} tellen bij ${a.name}, ${pair.decidedForB} bij ${b.name}.` +
            (decided < pair.sharedAddresses ? " De andere tellen bij de groep waar ze het eerst bij kwamen." : "")}
      </p>
      <div role="group" aria-label={`Voor welke groep tellen de gedeelde adressen van ${a.name} en ${b.name}?`} className="flex flex-wrap gap-2">
        {choice(a.id, b.id, "group", `Tel alle ${pair.sharedAddresses} bij ${a.name}`, pair.decidedForA === pair.sharedAddresses)}
        {choice(b.id, a.id, "group", `Tel alle ${pair.sharedAddresses} bij ${b.name}`, pair.decidedForB === pair.sharedAddresses)}
        {decided > 0 ? choice(a.id, b.id, "first_joined", "Terug: tel bij de groep die het eerst was", false) : null}
      </div>
    </div>
  );
}
