CREATE TABLE "shared_address_decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shared_address_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"municipality_id" uuid NOT NULL,
	"postcode" text NOT NULL,
	"house_number" integer NOT NULL,
	"addition" text DEFAULT '' NOT NULL,
	"group_id" uuid NOT NULL,
	"decided_by_user_id" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_address_decisions_postcode_format" CHECK ("shared_address_decisions"."postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$' and "shared_address_decisions"."postcode" !~ '(SA|SD|SS)$'),
	CONSTRAINT "shared_address_decisions_house_number_range" CHECK ("shared_address_decisions"."house_number" between 1 and 99999)
);
--> statement-breakpoint
ALTER TABLE "shared_address_decisions" ADD CONSTRAINT "shared_address_decisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_address_decisions" ADD CONSTRAINT "shared_address_decisions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_address_decisions" ADD CONSTRAINT "shared_address_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shared_address_decisions_address_unique" ON "shared_address_decisions" USING btree ("postcode","house_number","addition");--> statement-breakpoint
CREATE INDEX "shared_address_decisions_group_idx" ON "shared_address_decisions" USING btree ("group_id");