"use client";

import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

/** Shown when a page fails: no technical details, a way to try again. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Er ging iets mis</h1>
      <p className="mt-4">
        Het lukt nu even niet om deze pagina te tonen. Probeer het over een paar minuten opnieuw. Er is niets
        verloren gegaan van wat u eerder heeft opgeslagen.
      </p>
      <p className="mt-6">
        <Button type="button" onClick={() => reset()}>
          Probeer opnieuw
        </Button>
      </p>
    </Container>
  );
}
