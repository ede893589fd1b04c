import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Mijn wijken" };

// Placeholder from issue 5 (sign-in lands here); the wijkagent pages replace it.
export default async function WijkagentHomePage() {
  const user = await requireRole(["wijkagent"], "/wijkagent");
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Mijn wijken</h1>
      <p className="mt-4">U bent ingelogd als {user.email}.</p>
    </Container>
  );
}
