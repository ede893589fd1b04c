/**
 * The fields of a bord request that both its group's admins (the bord page) and staff (the
 * request before deciding) see: what was asked for, where, and what became of it. For lib/data only.
 */
import type { SignRequestStatus } from "@/lib/domain";

export interface SignRequestFields {
  id: string;
  status: SignRequestStatus;
  version: number;
  signCount: number;
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
