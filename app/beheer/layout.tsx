import type { ReactNode } from "react";
import { StaffNav } from "@/components/staff/staff-nav";
import { Container } from "@/components/ui/container";
import { getCurrentUser, hasRole } from "@/lib/auth";

/** The frame of the staff pages: the menu for staff and platform admins (each page checks access itself). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const staff = user !== null && hasRole(user, ["staff"]);
  return (
    <>
      {staff ? (
        <Container>
          <StaffNav platformAdmin={user?.role === "platform_admin"} />
        </Container>
      ) : null}
      {children}
    </>
  );
}
