-- Issue 22: the street sign is called "bord" in the code and the database. Renames the
-- tables, columns, enum types, constraints, indexes and identity sequences of migrations
-- 0000, 0009, 0011 and 0012 in place (data, enum values and audit-log actions unchanged).
-- No function, trigger or view refers to them (the one trigger is on area_postcodes).
-- The last statement renames the named NOT NULL constraints of PostgreSQL 18 (PGlite), if any.
-- Written by rename-bord.sh from the previous snapshot.
ALTER TYPE "public"."sign_event_kind" RENAME TO "bord_event_kind";
--> statement-breakpoint
ALTER TYPE "public"."sign_report_kind" RENAME TO "bord_report_kind";
--> statement-breakpoint
ALTER TYPE "public"."sign_request_status" RENAME TO "bord_request_status";
--> statement-breakpoint
ALTER TYPE "public"."sign_status" RENAME TO "bord_status";
--> statement-breakpoint
ALTER TABLE "sign_events" RENAME TO "bord_events";
--> statement-breakpoint
ALTER TABLE "sign_photos" RENAME TO "bord_photos";
--> statement-breakpoint
ALTER TABLE "sign_reports" RENAME TO "bord_reports";
--> statement-breakpoint
ALTER TABLE "sign_request_events" RENAME TO "bord_request_events";
--> statement-breakpoint
ALTER TABLE "sign_requests" RENAME TO "bord_requests";
--> statement-breakpoint
ALTER TABLE "signs" RENAME TO "bords";
--> statement-breakpoint
ALTER TABLE "bord_events" RENAME COLUMN "sign_id" TO "bord_id";
--> statement-breakpoint
ALTER TABLE "bord_photos" RENAME COLUMN "sign_id" TO "bord_id";
--> statement-breakpoint
ALTER TABLE "bord_reports" RENAME COLUMN "sign_id" TO "bord_id";
--> statement-breakpoint
ALTER TABLE "bord_request_events" RENAME COLUMN "sign_request_id" TO "bord_request_id";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME COLUMN "sign_count" TO "bord_count";
--> statement-breakpoint
ALTER TABLE "bords" RENAME COLUMN "sign_request_id" TO "bord_request_id";
--> statement-breakpoint
ALTER TABLE "municipalities" RENAME COLUMN "bord_signs_per_group" TO "bords_per_group";
--> statement-breakpoint
ALTER TABLE "municipalities" RENAME CONSTRAINT "municipalities_bord_signs_range" TO "municipalities_bords_per_group_range";
--> statement-breakpoint
ALTER TABLE "bord_events" RENAME CONSTRAINT "sign_events_pkey" TO "bord_events_pkey";
--> statement-breakpoint
ALTER TABLE "bord_events" RENAME CONSTRAINT "sign_events_actor_user_id_users_id_fk" TO "bord_events_actor_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_events" RENAME CONSTRAINT "sign_events_sign_id_signs_id_fk" TO "bord_events_bord_id_bords_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_photos" RENAME CONSTRAINT "sign_photos_pkey" TO "bord_photos_pkey";
--> statement-breakpoint
ALTER TABLE "bord_photos" RENAME CONSTRAINT "sign_photos_sign_id_signs_id_fk" TO "bord_photos_bord_id_bords_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_photos" RENAME CONSTRAINT "sign_photos_uploaded_by_user_id_users_id_fk" TO "bord_photos_uploaded_by_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_photos" RENAME CONSTRAINT "sign_photos_content_type" TO "bord_photos_content_type";
--> statement-breakpoint
ALTER TABLE "bord_photos" RENAME CONSTRAINT "sign_photos_size" TO "bord_photos_size";
--> statement-breakpoint
ALTER TABLE "bord_reports" RENAME CONSTRAINT "sign_reports_pkey" TO "bord_reports_pkey";
--> statement-breakpoint
ALTER TABLE "bord_reports" RENAME CONSTRAINT "sign_reports_handled_by_user_id_users_id_fk" TO "bord_reports_handled_by_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_reports" RENAME CONSTRAINT "sign_reports_sign_id_signs_id_fk" TO "bord_reports_bord_id_bords_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_request_events" RENAME CONSTRAINT "sign_request_events_pkey" TO "bord_request_events_pkey";
--> statement-breakpoint
ALTER TABLE "bord_request_events" RENAME CONSTRAINT "sign_request_events_actor_user_id_users_id_fk" TO "bord_request_events_actor_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_request_events" RENAME CONSTRAINT "sign_request_events_sign_request_id_sign_requests_id_fk" TO "bord_request_events_bord_request_id_bord_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_pkey" TO "bord_requests_pkey";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_decided_by_user_id_users_id_fk" TO "bord_requests_decided_by_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_group_id_groups_id_fk" TO "bord_requests_group_id_groups_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_requested_by_user_id_users_id_fk" TO "bord_requests_requested_by_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_near_house_number_range" TO "bord_requests_near_house_number_range";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_placed" TO "bord_requests_placed";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_placed_count_range" TO "bord_requests_placed_count_range";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_point" TO "bord_requests_point";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_rejection_reason" TO "bord_requests_rejection_reason";
--> statement-breakpoint
ALTER TABLE "bord_requests" RENAME CONSTRAINT "sign_requests_sign_count_range" TO "bord_requests_bord_count_range";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_pkey" TO "bords_pkey";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_group_id_groups_id_fk" TO "bords_group_id_groups_id_fk";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_sign_request_id_sign_requests_id_fk" TO "bords_bord_request_id_bord_requests_id_fk";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_signRequestId_unique" TO "bords_bordRequestId_unique";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_cost_range" TO "bords_cost_range";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_count_range" TO "bords_count_range";
--> statement-breakpoint
ALTER TABLE "bords" RENAME CONSTRAINT "signs_removed" TO "bords_removed";
--> statement-breakpoint
ALTER INDEX "sign_events_sign_idx" RENAME TO "bord_events_bord_idx";
--> statement-breakpoint
ALTER INDEX "sign_reports_open_idx" RENAME TO "bord_reports_open_idx";
--> statement-breakpoint
ALTER INDEX "sign_request_events_request_idx" RENAME TO "bord_request_events_request_idx";
--> statement-breakpoint
ALTER INDEX "sign_requests_group_idx" RENAME TO "bord_requests_group_idx";
--> statement-breakpoint
ALTER INDEX "sign_requests_one_open_per_group" RENAME TO "bord_requests_one_open_per_group";
--> statement-breakpoint
ALTER INDEX "sign_requests_status_idx" RENAME TO "bord_requests_status_idx";
--> statement-breakpoint
ALTER INDEX "signs_group_idx" RENAME TO "bords_group_idx";
--> statement-breakpoint
ALTER INDEX "signs_status_idx" RENAME TO "bords_status_idx";
--> statement-breakpoint
ALTER SEQUENCE "sign_events_id_seq" RENAME TO "bord_events_id_seq";
--> statement-breakpoint
ALTER SEQUENCE "sign_request_events_id_seq" RENAME TO "bord_request_events_id_seq";
--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.conname, t.relname AS tbl, a.attname
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'n' AND c.connamespace = 'public'::regnamespace
       AND t.relname IN ('bord_events', 'bord_photos', 'bord_reports', 'bord_request_events', 'bord_requests', 'bords', 'municipalities')
       AND c.conname LIKE '%sign%'
       AND c.conname <> t.relname || '_' || a.attname || '_not_null'
  LOOP
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', r.tbl, r.conname, r.tbl || '_' || r.attname || '_not_null');
  END LOOP;
END
$$;

