CREATE TYPE "public"."address_check" AS ENUM('verified', 'unchecked', 'not_found');--> statement-breakpoint
CREATE TABLE "register_addresses" (
	"postcode" text NOT NULL,
	"house_number" integer NOT NULL,
	"addition" text DEFAULT '' NOT NULL,
	"street" text NOT NULL,
	"town" text NOT NULL,
	"municipality_code" text NOT NULL,
	"municipality_name" text NOT NULL,
	"area_code" text,
	CONSTRAINT "register_addresses_postcode_house_number_addition_pk" PRIMARY KEY("postcode","house_number","addition"),
	CONSTRAINT "register_addresses_municipality_code" CHECK ("register_addresses"."municipality_code" ~ '^GM[0-9]{4}$'),
	CONSTRAINT "register_addresses_postcode_format" CHECK ("register_addresses"."postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$' and "register_addresses"."postcode" !~ '(SA|SD|SS)$')
);
--> statement-breakpoint
DROP INDEX "member_addresses_group_counted_idx";--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "wabp_registered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "member_addresses" ADD COLUMN "verification" "address_check" DEFAULT 'unchecked' NOT NULL;--> statement-breakpoint
ALTER TABLE "member_addresses" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "register_addresses_street_idx" ON "register_addresses" USING btree (lower("street"),"house_number");--> statement-breakpoint
CREATE INDEX "member_addresses_recheck_idx" ON "member_addresses" USING btree ("next_check_at") WHERE "member_addresses"."verification" = 'unchecked';--> statement-breakpoint
CREATE INDEX "member_addresses_group_counted_idx" ON "member_addresses" USING btree ("group_id") WHERE "member_addresses"."in_municipality" and "member_addresses"."verification" = 'verified';--> statement-breakpoint
UPDATE "member_addresses" SET "verification" = 'verified' WHERE "verified";--> statement-breakpoint
UPDATE "member_addresses" SET "next_check_at" = now() WHERE NOT "verified";--> statement-breakpoint
ALTER TABLE "member_addresses" DROP COLUMN "verified";
