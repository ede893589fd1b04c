import type { Metadata } from "next";
import { FormMessage } from "@/components/ui/alert";
import { ConfirmActionButton } from "@/components/group/confirm-action-button";
import { InviteAdminForm } from "@/components/group/invite-admin-form";
import { listGroupAdmins } from "@/lib/data/resident/group-admins";
import { listOpenInvitations } from "@/lib/data/resident/invitations";
import { needsMoreAdmins } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { cancelInvitationAction, inviteCoAdminAction, removeGroupAdminAction } from "../../../actions";
import { loadAdminPage, orNotFound } from "../load";
import { formatDate, formatPhone } from "@/lib/format";

export const metadata: Metadata = { title: "Beheerders" };

export default async function AdminsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, group } = await loadAdminPage(id, routes.myGroups.admins);
  const [admins, invitations] = await Promise.all([orNotFound(listGroupAdmins(user, group.id)), listOpenInvitations(user, group.id)]);
  const alone = admins.length <= 1;
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold text-brand-800">Beheerders van {group.name}</h1>
      {needsMoreAdmins(admins.length) ? (
        <FormMessage tone="warning" title="Deze groep heeft één beheerder">
          Nodig liever nog iemand uit, zodat de groep niet van één persoon afhangt.
        </FormMessage>
      ) : null}
      <section aria-labelledby="lijst" className="space-y-3">
        <h2 id="lijst" className="text-2xl font-bold">
          Wie beheert de groep?
        </h2>
        <ul className="space-y-3">
          {admins.map((a) => (
            <li key={a.userId} className="flex flex-wrap items-start justify-between gap-3 rounded border-2 border-slate-300 p-3">
              <div>
                <p className="font-semibold">
                  {a.name ?? a.email}
                  {a.isMe ? " (u)" : ""}
                </p>
                <p className="text-sm text-slate-700">
                  {a.email}
                  {a.phone ? ` · ${formatPhone(a.phone)}` : ""}
                </p>
              </div>
              {alone ? (
                <p className="text-sm text-slate-700">De enige beheerder kan niet weg. Hef de groep op als niemand hem wil beheren.</p>
              ) : a.isMe ? (
                <ConfirmActionButton
                  label="Stoppen als beheerder"
                  confirmQuestion="Weet u zeker dat u stopt als beheerder?"
                  confirmLabel="Ja, ik stop"
                  action={removeGroupAdminAction}
                  payload={{ groupId: group.id, userId: a.userId }}
                  redirectTo={routes.myGroups.list}
                />
              ) : (
                <ConfirmActionButton
                  label="Verwijderen"
                  srLabel={`als beheerder: ${a.name ?? a.email}`}
                  confirmQuestion={`${a.name ?? a.email} verwijderen als beheerder?`}
                  confirmLabel="Ja, verwijderen"
                  action={removeGroupAdminAction}
                  payload={{ groupId: group.id, userId: a.userId }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
      {invitations.length > 0 ? (
        <section aria-labelledby="uitnodigingen" className="space-y-3">
          <h2 id="uitnodigingen" className="text-2xl font-bold">
            Verstuurde uitnodigingen
          </h2>
          <ul className="space-y-3">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 rounded border border-slate-300 p-3">
                <p>
                  {inv.email} <span className="text-sm text-slate-700">(geldig tot {formatDate(inv.expiresAt)})</span>
                </p>
                <ConfirmActionButton
                  label="Intrekken"
                  srLabel={`uitnodiging voor ${inv.email}`}
                  confirmQuestion={`Uitnodiging voor ${inv.email} intrekken?`}
                  confirmLabel="Ja, intrekken"
                  action={cancelInvitationAction}
                  payload={{ groupId: group.id, invitationId: inv.id }}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="uitnodigen" className="space-y-3">
        <h2 id="uitnodigen" className="text-2xl font-bold">
          Iemand uitnodigen als beheerder
        </h2>
        <InviteAdminForm groupId={group.id} action={inviteCoAdminAction} />
      </section>
    </div>
  );
}
