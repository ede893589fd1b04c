import type { ReactNode } from "react";
import { StaffNav } from "@/components/staff/staff-nav";
import { Container } from "@/components/ui/container";
import { can, getCurrentUser } from "@/lib/auth";

/** The frame of the staff pages: the menu for staff and platform admins (each page checks access itself). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const staff = can(user, "staff.view");
  return (
    <>
      {staff ? (
        <Container>
          <StaffNav platformAdmin={can(user, "privacy.manage")} />
        </Container>
      ) : null}
      {children}
    </>
  );
}
