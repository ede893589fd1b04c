import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { requireRole } from "@/lib/auth";

export const metadata: Metadata = { title: "Beheer" };

// Placeholder from issue 5 (sign-in lands here); the staff pages replace it.
export default async function StaffHomePage() {
  const user = await requireRole(["staff"], "/beheer");
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Beheer</h1>
      <p className="mt-4">U bent ingelogd als {user.email}.</p>
    </Container>
  );
}
