-- The rule of migration 0002 (a postcode belongs to one municipality), checked once per
-- statement instead of once per row. 0002's row trigger cost a few milliseconds per row (its
-- OR read the whole table on PostgreSQL; on PGlite every PL/pgSQL call is slow), so importing a
-- postcode table (issue 19: tens of thousands of postcodes in one INSERT) took minutes. Now an
-- AFTER … FOR EACH STATEMENT trigger takes the same advisory locks (namespace 180003, per
-- 4-digit area, in order, as lib/data/internal/postcode-claims.ts does) and looks for a clash
-- of all new rows at once, with queries the index on area_postcodes(postcode) serves. Same
-- refusal, same error code and name (area_postcodes_one_municipality). A query in the trigger
-- runs after the locks are held, so it sees what a concurrent claimer committed meanwhile.
DROP TRIGGER IF EXISTS area_postcodes_one_municipality ON area_postcodes;
--> statement-breakpoint
DROP FUNCTION IF EXISTS area_postcodes_one_municipality();
--> statement-breakpoint
CREATE FUNCTION area_postcodes_one_municipality() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k int;
  claimed text;
  held text;
BEGIN
  FOR k IN SELECT DISTINCT left(postcode, 4)::int FROM new_rows ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(180003, k);
  END LOOP;
  SELECT c.claimed, c.held INTO claimed, held FROM (
    -- the same postcode, or a full postcode whose 4-digit area is held
    SELECT n.postcode AS claimed, ap.postcode AS held
      FROM new_rows n
      JOIN areas na ON na.id = n.area_id
      JOIN area_postcodes ap ON ap.postcode IN (n.postcode, left(n.postcode, 4))
      JOIN areas a ON a.id = ap.area_id
     WHERE a.municipality_id <> na.municipality_id
    UNION ALL
    -- a 4-digit area with a full postcode inside it held
    SELECT n.postcode, ap.postcode
      FROM new_rows n
      JOIN areas na ON na.id = n.area_id
      JOIN area_postcodes ap ON ap.postcode > n.postcode AND ap.postcode <= n.postcode || 'ZZ' AND left(ap.postcode, 4) = n.postcode
      JOIN areas a ON a.id = ap.area_id
     WHERE char_length(n.postcode) = 4 AND a.municipality_id <> na.municipality_id
  ) c
  LIMIT 1;
  IF held IS NOT NULL THEN
    RAISE EXCEPTION 'postcode % overlaps postcode % of another municipality', claimed, held
      USING ERRCODE = '23P01', CONSTRAINT = 'area_postcodes_one_municipality';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER area_postcodes_one_municipality
  AFTER INSERT ON area_postcodes
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_postcodes_one_municipality();
--> statement-breakpoint
CREATE TRIGGER area_postcodes_one_municipality_update
  AFTER UPDATE ON area_postcodes
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION area_postcodes_one_municipality();
