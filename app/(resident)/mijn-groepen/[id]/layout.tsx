import Link from "next/link";
import type { ReactNode } from "react";
import { GroupNav } from "@/components/group/group-nav";
import { Container } from "@/components/ui/container";
import { routes } from "@/lib/routes";
import { loadAdminPage } from "./load";

export default async function GroupLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { group } = await loadAdminPage(id, routes.myGroups.group);
  return (
    <Container className="max-w-4xl">
      <p className="no-print mb-2 text-sm">
        <Link href={routes.myGroups.list}>Mijn groepen</Link> <span aria-hidden="true">›</span> {group.name}
      </p>
      <GroupNav groupId={group.id} groupName={group.name} openJoinRequests={group.openJoinRequests} />
      {children}
    </Container>
  );
}
