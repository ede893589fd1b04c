import type { Metadata } from "next";
import { connection } from "next/server";
import { HouseRulesList } from "@/components/group/house-rules";
import { RegisterGroupForm } from "@/components/group/register-group-form";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { getAdminPrefill, listAreaChoices } from "@/lib/data/resident/group-registration";
import { calendarDateIn } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { registerGroupAction } from "../actions";

export const metadata: Metadata = { title: "Een groep starten" };

export default async function StartGroupPage() {
  await connection();
  const user = await requirePagePermission("group.register", routes.startGroup);
  const [areas, prefill] = await Promise.all([listAreaChoices(), getAdminPrefill(user)]);
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">Een buurtpreventiegroep starten</h1>
      <p className="mt-4">
        Meld uw WhatsApp-buurtpreventiegroep aan bij de gemeente. Dat gaat in zes korte stappen en duurt ongeveer vijf minuten. Pas bij de laatste
        stap wordt iets opgeslagen.
      </p>
      <div className="mt-6">
        <RegisterGroupForm
          today={calendarDateIn(new Date())}
          email={user.email}
          areas={areas}
          prefill={prefill}
          action={registerGroupAction}
          houseRules={<HouseRulesList />}
        />
      </div>
    </Container>
  );
}
