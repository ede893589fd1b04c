import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Mijn groepen" };

// Placeholder from issue 5 (sign-in lands here); the resident pages replace it.
export default async function MyGroupsPage() {
  const user = await requireUser("/mijn-groepen");
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Mijn groepen</h1>
      <p className="mt-4">U bent ingelogd als {user.email}.</p>
    </Container>
  );
}
