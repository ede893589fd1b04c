CREATE TABLE "neighbourhoods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "neighbourhoods_code_unique" UNIQUE("code"),
	CONSTRAINT "neighbourhoods_code_format" CHECK ("neighbourhoods"."code" ~ '^BU[0-9]{8}$'),
	CONSTRAINT "neighbourhoods_name_length" CHECK (char_length("neighbourhoods"."name") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "neighbourhoods" ADD CONSTRAINT "neighbourhoods_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbourhoods" ADD CONSTRAINT "neighbourhoods_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "neighbourhoods_area_idx" ON "neighbourhoods" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "neighbourhoods_municipality_idx" ON "neighbourhoods" USING btree ("municipality_id");