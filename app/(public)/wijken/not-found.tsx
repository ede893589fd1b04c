import { NotFoundMessage } from "@/components/layout/not-found-message";
import { routes } from "@/lib/routes";

/** /wijken?gemeente=<slug> for a municipality that is not (or no longer) in the list. */
export default function MunicipalityNotFound() {
  return (
    <NotFoundMessage
      title="Deze gemeente staat niet in de lijst"
      links={[
        [routes.areas, "Kies een gemeente uit de lijst"],
        [routes.home, "Zoek een groep op uw adres"],
      ]}
    >
      We kunnen deze gemeente niet vinden. Misschien is de link oud, of is er een tikfout gemaakt. Het kan ook zijn dat de
      gemeente niet meer meedoet.
    </NotFoundMessage>
  );
}
