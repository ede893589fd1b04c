import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function GroupNotFound() {
  return (
    <NotFoundMessage title="Deze groep bestaat niet">
      We kunnen deze buurtpreventiegroep niet vinden. Misschien is de link oud, of is de groep opgeheven.
    </NotFoundMessage>
  );
}
