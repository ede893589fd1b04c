CREATE TYPE "public"."bord_condition" AS ENUM('addresses', 'household_share');--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "bord_condition" "bord_condition" DEFAULT 'addresses' NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "bord_household_percent" integer;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "bord_signs_per_group" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "bord_contribution_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_bord_household_percent_range" CHECK ("municipalities"."bord_household_percent" is null or "municipalities"."bord_household_percent" between 1 and 100);--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_bord_household_percent_set" CHECK ("municipalities"."bord_condition" <> 'household_share' or "municipalities"."bord_household_percent" is not null);--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_bord_signs_range" CHECK ("municipalities"."bord_signs_per_group" between 1 and 4);--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_bord_contribution_range" CHECK ("municipalities"."bord_contribution_cents" between 0 and 1000000);