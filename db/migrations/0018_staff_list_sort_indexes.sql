CREATE INDEX "groups_name_sort_idx" ON "groups" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "bord_requests_created_idx" ON "bord_requests" USING btree ("created_at","id");