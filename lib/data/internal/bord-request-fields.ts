/**
 * The fields of a bord request that both its group's admins (the bord page) and staff (the
 * request before deciding) see: what was asked for, where, and what became of it. For lib/data only.
 */
import type { BordRequestStatus } from "@/lib/domain";

export interface BordRequestFields {
  id: string;
  status: BordRequestStatus;
  version: number;
  bordCount: number;
  street: string;
  nearHouseNumber: number | null;
  locationDescription: string;
  latitude: number | null;
  longitude: number | null;
  note: string;
  reason: string | null;
  placedOn: string | null;
  createdAt: Date;
}
