CREATE TYPE "public"."sign_event_kind" AS ENUM('placed', 'reported', 'repaired', 'replaced', 'removal_task', 'removed', 'details');--> statement-breakpoint
CREATE TYPE "public"."sign_report_kind" AS ENUM('damaged', 'missing');--> statement-breakpoint
CREATE TYPE "public"."sign_status" AS ENUM('standing', 'removal_pending', 'removed');--> statement-breakpoint
CREATE TABLE "sign_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sign_id" uuid NOT NULL,
	"kind" "sign_event_kind" NOT NULL,
	"actor_user_id" text,
	"occurred_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sign_id" uuid NOT NULL,
	"kind" "sign_report_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"sign_request_id" uuid NOT NULL,
	"status" "sign_status" DEFAULT 'standing' NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"location" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"placed_on" date NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"cost_cents" integer,
	"paid_by" text DEFAULT '' NOT NULL,
	"removed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signs_signRequestId_unique" UNIQUE("sign_request_id"),
	CONSTRAINT "signs_count_range" CHECK ("signs"."count" between 1 and 20),
	CONSTRAINT "signs_cost_range" CHECK ("signs"."cost_cents" is null or "signs"."cost_cents" between 0 and 100000000),
	CONSTRAINT "signs_removed" CHECK ("signs"."status" <> 'removed' or "signs"."removed_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "sign_events" ADD CONSTRAINT "sign_events_sign_id_signs_id_fk" FOREIGN KEY ("sign_id") REFERENCES "public"."signs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_events" ADD CONSTRAINT "sign_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_reports" ADD CONSTRAINT "sign_reports_sign_id_signs_id_fk" FOREIGN KEY ("sign_id") REFERENCES "public"."signs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_reports" ADD CONSTRAINT "sign_reports_handled_by_user_id_users_id_fk" FOREIGN KEY ("handled_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signs" ADD CONSTRAINT "signs_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signs" ADD CONSTRAINT "signs_sign_request_id_sign_requests_id_fk" FOREIGN KEY ("sign_request_id") REFERENCES "public"."sign_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_events_sign_idx" ON "sign_events" USING btree ("sign_id","created_at");--> statement-breakpoint
CREATE INDEX "sign_reports_open_idx" ON "sign_reports" USING btree ("sign_id","created_at") WHERE "sign_reports"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "signs_group_idx" ON "signs" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "signs_status_idx" ON "signs" USING btree ("status","placed_on");--> statement-breakpoint
-- Borden placed before this migration get their record and a "placed" history entry.
INSERT INTO "signs" ("group_id", "sign_request_id", "status", "count", "location", "latitude", "longitude", "placed_on", "created_at", "updated_at")
SELECT sr."group_id", sr."sign_request_id", CASE WHEN g."status" = 'dissolved' THEN 'removal_pending'::"sign_status" ELSE 'standing'::"sign_status" END,
  coalesce(sr."placed_count", sr."sign_count"), coalesce(sr."placed_location", sr."street"), sr."latitude", sr."longitude", sr."placed_on", coalesce(sr."decided_at", now()), now()
FROM (SELECT "id" AS "sign_request_id", * FROM "sign_requests" WHERE "status" = 'placed' AND "placed_on" IS NOT NULL) sr
JOIN "groups" g ON g."id" = sr."group_id";--> statement-breakpoint
INSERT INTO "sign_events" ("sign_id", "kind", "occurred_on", "note")
SELECT "id", 'placed', "placed_on", 'Overgenomen uit de bordaanvraag.' FROM "signs";
