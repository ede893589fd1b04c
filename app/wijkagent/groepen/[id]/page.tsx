import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { WijkagentGroupCard } from "@/components/wijkagent/group-card";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { getGroupForWijkagent } from "@/lib/data/wijkagent/groups";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Groep in mijn wijk" };

export default async function WijkagentGroupPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requirePagePermission("wijkagent.view", routes.wijkagent.group(id));
  const group = await getGroupForWijkagent(user, id);
  if (!group) notFound();
  return (
    <Container>
      <p><Link href={routes.wijkagent.home}>← Mijn wijken</Link></p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{group.name}</h1>
      <div className="mt-4">
        <WijkagentGroupCard group={group} headingLevel={2} link={false} />
      </div>
    </Container>
  );
}
