CREATE TABLE "sign_photos" (
	"sign_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_photos_content_type" CHECK ("sign_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "sign_photos_size" CHECK ("sign_photos"."byte_size" between 1 and 10485760 and octet_length("sign_photos"."data") = "sign_photos"."byte_size")
);
--> statement-breakpoint
ALTER TABLE "sign_photos" ADD CONSTRAINT "sign_photos_sign_id_signs_id_fk" FOREIGN KEY ("sign_id") REFERENCES "public"."signs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_photos" ADD CONSTRAINT "sign_photos_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;