import { NotFoundMessage } from "@/components/layout/not-found-message";
import { routes } from "@/lib/routes";

export default function AreaNotFound() {
  return (
    <NotFoundMessage
      title="Deze wijk bestaat niet"
      links={[
        [routes.areas, "Bekijk alle wijken"],
        [routes.home, "Zoek een groep op uw adres"],
      ]}
    >
      We kunnen deze wijk niet vinden. Misschien is de link oud, of is er een tikfout gemaakt.
    </NotFoundMessage>
  );
}
