import type { Metadata } from "next";
import { connection } from "next/server";
import { formatDateTime } from "@/components/staff/format";
import { InviteUserForm } from "@/components/staff/invite-user-form";
import { RoleForm } from "@/components/staff/role-form";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { listMunicipalitiesForStaff } from "@/lib/data/staff/scope";
import { listOpenStaffInvitations, listUsersForStaff } from "@/lib/data/staff/users";
import { routes } from "@/lib/routes";
import { changeUserRoleAction, inviteUserAction } from "../actions";

export const metadata: Metadata = { title: "Gebruikers" };

const ROLE_LABELS = { staff: "Medewerker", wijkagent: "Wijkagent", platform_admin: "Platformbeheerder", resident: "Bewoner" } as const;

export default async function UsersPage() {
  await connection();
  const user = await requirePagePermission("users.manage", routes.staff.users);
  const [accounts, invitations, municipalities] = await Promise.all([listUsersForStaff(user), listOpenStaffInvitations(user), listMunicipalitiesForStaff(user)]);
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Gebruikers</h1>
      <p className="mt-2">Medewerkers en wijkagenten die kunnen inloggen. Een gewijzigde rol geldt vanaf de volgende pagina die iemand opent.</p>

      <section aria-labelledby="uitnodigen" className="mt-8">
        <h2 id="uitnodigen" className="text-2xl font-bold">Iemand uitnodigen</h2>
        <InviteUserForm municipalities={municipalities} action={inviteUserAction} />
      </section>

      <section aria-labelledby="uitnodigingen" className="mt-10">
        <h2 id="uitnodigingen" className="text-2xl font-bold">Openstaande uitnodigingen ({invitations.length})</h2>
        {invitations.length === 0 ? (
          <p className="mt-2">Er staan geen uitnodigingen open.</p>
        ) : (
          <>
            <p className="mt-2">Deze mensen hebben een uitnodiging gekregen maar die nog niet aangenomen. Pas als zij de uitnodiging aannemen, krijgen zij hun rol.</p>
            <ul className="mt-3 divide-y divide-slate-300 border-y border-slate-300">
              {invitations.map((i) => (
                <li key={i.id} className="py-3">
                  <p className="font-semibold">{i.name ?? i.email}</p>
                  <p className="break-all">{i.email}</p>
                  <p className="text-sm text-slate-700">
                    {ROLE_LABELS[i.role]}, {i.municipalityName}. Geldig tot {formatDateTime(i.expiresAt)}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="accounts" className="mt-10">
        <h2 id="accounts" className="text-2xl font-bold">Accounts ({accounts.length})</h2>
        <ul className="mt-3 divide-y divide-slate-300 border-y border-slate-300">
          {accounts.map((a) => (
            <li key={a.id} className="grid gap-2 py-3 md:grid-cols-[1fr_auto] md:items-center">
              <div>
                <p className="font-semibold">{a.name ?? a.email}{a.disabled ? " (geblokkeerd)" : ""}</p>
                <p>{a.email}</p>
                <p className="text-sm text-slate-700">
                  {ROLE_LABELS[a.role]}{a.municipalityName ? `, ${a.municipalityName}` : ""}. Laatst ingelogd: {a.lastSignInAt ? formatDateTime(a.lastSignInAt) : "nog nooit"}
                </p>
              </div>
              {a.id !== user.id && (a.role === "staff" || a.role === "wijkagent") ? (
                <RoleForm userId={a.id} role={a.role} label={a.name ?? a.email} action={changeUserRoleAction} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </Container>
  );
}
