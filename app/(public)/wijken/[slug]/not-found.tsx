import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function AreaNotFound() {
  return (
    <NotFoundMessage
      title="Deze wijk bestaat niet"
      links={[
        ["/wijken", "Bekijk alle wijken"],
        ["/", "Zoek een groep op uw adres"],
      ]}
    >
      We kunnen deze wijk niet vinden. Misschien is de link oud, of is er een tikfout gemaakt.
    </NotFoundMessage>
  );
}
