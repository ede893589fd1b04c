CREATE TYPE "public"."contact_kind" AS ENUM('wijkagent', 'wethouder');--> statement-breakpoint
CREATE TYPE "public"."group_status" AS ENUM('active', 'dissolved');--> statement-breakpoint
CREATE TYPE "public"."join_request_status" AS ENUM('open', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'dead');--> statement-breakpoint
CREATE TYPE "public"."sign_request_status" AS ENUM('submitted', 'in_review', 'approved', 'placed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('resident', 'staff', 'wijkagent', 'platform_admin');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_postcodes" (
	"area_id" uuid NOT NULL,
	"postcode" text NOT NULL,
	CONSTRAINT "area_postcodes_area_id_postcode_pk" PRIMARY KEY("area_id","postcode"),
	CONSTRAINT "area_postcodes_postcode_format" CHECK ("area_postcodes"."postcode" ~ '^[1-9][0-9]{3}([A-Z]{2})?$' and "area_postcodes"."postcode" !~ '(SA|SD|SS)$')
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"total_addresses" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "areas_code_unique" UNIQUE("code"),
	CONSTRAINT "areas_slug_unique" UNIQUE("slug"),
	CONSTRAINT "areas_code_format" CHECK ("areas"."code" ~ '^WK[0-9]{6}$'),
	CONSTRAINT "areas_slug_format" CHECK ("areas"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "areas_total_addresses_range" CHECK ("areas"."total_addresses" is null or "areas"."total_addresses" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_user_id" text,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"municipality_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_areas" (
	"contact_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "contact_areas_contact_id_area_id_pk" PRIMARY KEY("contact_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_email_lower" CHECK ("contacts"."email" = lower("contacts"."email"))
);
--> statement-breakpoint
CREATE TABLE "group_admin_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_admin_invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "group_admins" (
	"group_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_admins_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "group_status" DEFAULT 'active' NOT NULL,
	"whatsapp_invite_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dissolved_at" timestamp with time zone,
	CONSTRAINT "groups_slug_unique" UNIQUE("slug"),
	CONSTRAINT "groups_slug_format" CHECK ("groups"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "groups_name_length" CHECK (char_length("groups"."name") between 3 and 80),
	CONSTRAINT "groups_dissolved_at" CHECK (("groups"."status" = 'dissolved') = ("groups"."dissolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"status" "join_request_status" DEFAULT 'open' NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"birth_date" date,
	"postcode" text,
	"house_number" integer,
	"addition" text,
	"decline_reason" text,
	"handled_by_user_id" text,
	"handled_at" timestamp with time zone,
	"purge_after" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "join_requests_postcode_format" CHECK ("join_requests"."postcode" is null or ("join_requests"."postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$' and "join_requests"."postcode" !~ '(SA|SD|SS)$')),
	CONSTRAINT "join_requests_house_number_range" CHECK ("join_requests"."house_number" is null or "join_requests"."house_number" between 1 and 99999),
	CONSTRAINT "join_requests_handled" CHECK (("join_requests"."status" = 'open') = ("join_requests"."handled_at" is null)),
	CONSTRAINT "join_requests_contact_present" CHECK ("join_requests"."purged_at" is not null or ("join_requests"."name" is not null and "join_requests"."email" is not null))
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"transport" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_idempotencyKey_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "mail_outbox_attempts" CHECK ("mail_outbox"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "member_addresses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_addresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"group_id" uuid NOT NULL,
	"postcode" text NOT NULL,
	"house_number" integer NOT NULL,
	"addition" text DEFAULT '' NOT NULL,
	"street" text,
	"town" text,
	"area_id" uuid,
	"in_municipality" boolean DEFAULT true NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"added_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_addresses_postcode_format" CHECK ("member_addresses"."postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$' and "member_addresses"."postcode" !~ '(SA|SD|SS)$'),
	CONSTRAINT "member_addresses_house_number_range" CHECK ("member_addresses"."house_number" between 1 and 99999),
	CONSTRAINT "member_addresses_addition_format" CHECK (char_length("member_addresses"."addition") <= 6 and "member_addresses"."addition" = upper("member_addresses"."addition") and "member_addresses"."addition" !~ '\s')
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"bord_threshold" integer DEFAULT 50 NOT NULL,
	"safety_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_code_unique" UNIQUE("code"),
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "municipalities_code_format" CHECK ("municipalities"."code" ~ '^GM[0-9]{4}$'),
	CONSTRAINT "municipalities_bord_threshold_range" CHECK ("municipalities"."bord_threshold" between 1 and 100000),
	CONSTRAINT "municipalities_slug_format" CHECK ("municipalities"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_request_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_request_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sign_request_id" uuid NOT NULL,
	"actor_user_id" text,
	"from_status" "sign_request_status",
	"to_status" "sign_request_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"status" "sign_request_status" DEFAULT 'submitted' NOT NULL,
	"sign_count" integer DEFAULT 1 NOT NULL,
	"street" text NOT NULL,
	"near_house_number" integer,
	"location_description" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"note" text DEFAULT '' NOT NULL,
	"reason" text,
	"placed_on" date,
	"placed_location" text,
	"placed_count" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"requested_by_user_id" text,
	"decided_by_user_id" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_requests_sign_count_range" CHECK ("sign_requests"."sign_count" between 1 and 4),
	CONSTRAINT "sign_requests_placed_count_range" CHECK ("sign_requests"."placed_count" is null or "sign_requests"."placed_count" between 1 and 20),
	CONSTRAINT "sign_requests_near_house_number_range" CHECK ("sign_requests"."near_house_number" is null or "sign_requests"."near_house_number" between 1 and 99999),
	CONSTRAINT "sign_requests_point" CHECK (("sign_requests"."latitude" is null and "sign_requests"."longitude" is null) or ("sign_requests"."latitude" between 50.7 and 53.7 and "sign_requests"."longitude" between 3.2 and 7.3)),
	CONSTRAINT "sign_requests_rejection_reason" CHECK ("sign_requests"."status" <> 'rejected' or char_length(coalesce("sign_requests"."reason", '')) > 0),
	CONSTRAINT "sign_requests_placed" CHECK ("sign_requests"."status" <> 'placed' or "sign_requests"."placed_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"phone" text,
	"birth_date" date,
	"postcode" text,
	"house_number" integer,
	"addition" text DEFAULT '' NOT NULL,
	"role" "user_role" DEFAULT 'resident' NOT NULL,
	"municipality_id" uuid,
	"email_verified" timestamp with time zone,
	"image" text,
	"disabled_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_role_municipality" CHECK ("users"."role" not in ('staff', 'wijkagent') or "users"."municipality_id" is not null),
	CONSTRAINT "users_postcode_format" CHECK ("users"."postcode" is null or ("users"."postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$' and "users"."postcode" !~ '(SA|SD|SS)$')),
	CONSTRAINT "users_house_number_range" CHECK ("users"."house_number" is null or "users"."house_number" between 1 and 99999),
	CONSTRAINT "users_addition_length" CHECK (char_length("users"."addition") <= 6)
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_postcodes" ADD CONSTRAINT "area_postcodes_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_areas" ADD CONSTRAINT "contact_areas_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_areas" ADD CONSTRAINT "contact_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_admin_invitations" ADD CONSTRAINT "group_admin_invitations_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_admin_invitations" ADD CONSTRAINT "group_admin_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_admins" ADD CONSTRAINT "group_admins_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_admins" ADD CONSTRAINT "group_admins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_handled_by_user_id_users_id_fk" FOREIGN KEY ("handled_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_addresses" ADD CONSTRAINT "member_addresses_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_addresses" ADD CONSTRAINT "member_addresses_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_addresses" ADD CONSTRAINT "member_addresses_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_request_events" ADD CONSTRAINT "sign_request_events_sign_request_id_sign_requests_id_fk" FOREIGN KEY ("sign_request_id") REFERENCES "public"."sign_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_request_events" ADD CONSTRAINT "sign_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_requests" ADD CONSTRAINT "sign_requests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_requests" ADD CONSTRAINT "sign_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_requests" ADD CONSTRAINT "sign_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "area_postcodes_postcode_idx" ON "area_postcodes" USING btree ("postcode");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_municipality_name_unique" ON "areas" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_log_municipality_idx" ON "audit_log" USING btree ("municipality_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_areas_area_idx" ON "contact_areas" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "contacts_municipality_idx" ON "contacts" USING btree ("municipality_id","kind");--> statement-breakpoint
CREATE INDEX "contacts_user_idx" ON "contacts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_admin_invitations_open_unique" ON "group_admin_invitations" USING btree ("group_id",lower("email")) WHERE "group_admin_invitations"."accepted_at" is null;--> statement-breakpoint
CREATE INDEX "group_admins_user_idx" ON "group_admins" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_municipality_name_unique" ON "groups" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "groups_area_status_idx" ON "groups" USING btree ("area_id","status");--> statement-breakpoint
CREATE INDEX "groups_municipality_status_idx" ON "groups" USING btree ("municipality_id","status","created_at");--> statement-breakpoint
CREATE INDEX "join_requests_group_status_idx" ON "join_requests" USING btree ("group_id","status","created_at");--> statement-breakpoint
CREATE INDEX "join_requests_purge_idx" ON "join_requests" USING btree ("purge_after") WHERE "join_requests"."purged_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_open_unique" ON "join_requests" USING btree ("group_id",lower("email")) WHERE "join_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "member_addresses_group_address_unique" ON "member_addresses" USING btree ("group_id","postcode","house_number","addition");--> statement-breakpoint
CREATE INDEX "member_addresses_lookup_idx" ON "member_addresses" USING btree ("postcode","house_number","addition");--> statement-breakpoint
CREATE INDEX "member_addresses_group_counted_idx" ON "member_addresses" USING btree ("group_id") WHERE "member_addresses"."in_municipality";--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires");--> statement-breakpoint
CREATE INDEX "sign_request_events_request_idx" ON "sign_request_events" USING btree ("sign_request_id","created_at");--> statement-breakpoint
CREATE INDEX "sign_requests_status_idx" ON "sign_requests" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "sign_requests_group_idx" ON "sign_requests" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_requests_one_open_per_group" ON "sign_requests" USING btree ("group_id") WHERE "sign_requests"."status" in ('submitted', 'in_review', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_municipality_role_idx" ON "users" USING btree ("municipality_id","role");--> statement-breakpoint
CREATE INDEX "verification_tokens_expires_idx" ON "verification_tokens" USING btree ("expires");