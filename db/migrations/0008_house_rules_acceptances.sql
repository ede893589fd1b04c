CREATE TYPE "public"."house_rules_context" AS ENUM('registration', 'invitation', 'join_request', 'new_version');--> statement-breakpoint
CREATE TABLE "house_rules_acceptances" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "house_rules_acceptances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" text,
	"join_request_id" uuid,
	"group_id" uuid,
	"version" integer NOT NULL,
	"context" "house_rules_context" NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "house_rules_acceptances_version" CHECK ("house_rules_acceptances"."version" >= 1),
	CONSTRAINT "house_rules_acceptances_one_subject" CHECK (("house_rules_acceptances"."user_id" is null) <> ("house_rules_acceptances"."join_request_id" is null))
);
--> statement-breakpoint
ALTER TABLE "house_rules_acceptances" ADD CONSTRAINT "house_rules_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_rules_acceptances" ADD CONSTRAINT "house_rules_acceptances_join_request_id_join_requests_id_fk" FOREIGN KEY ("join_request_id") REFERENCES "public"."join_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_rules_acceptances" ADD CONSTRAINT "house_rules_acceptances_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "house_rules_acceptances_user_idx" ON "house_rules_acceptances" USING btree ("user_id","version");--> statement-breakpoint
CREATE INDEX "house_rules_acceptances_join_request_idx" ON "house_rules_acceptances" USING btree ("join_request_id");