import { NotFoundMessage } from "@/components/layout/not-found-message";

export default function NotFound() {
  return (
    <NotFoundMessage title="Deze pagina bestaat niet">
      De pagina die u zoekt is er niet (meer). Misschien is de link oud, of is er een tikfout gemaakt.
    </NotFoundMessage>
  );
}
