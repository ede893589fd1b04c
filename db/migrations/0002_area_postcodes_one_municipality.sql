-- A postcode belongs to one municipality (issue 18, point 3): a wijk's postcode may not be the
-- same as, or overlap (a 4-digit area and a full postcode inside it), a postcode of a wijk of
-- another municipality. Concurrent claims are serialised per 4-digit area by a transaction
-- advisory lock (namespace 180003, the same one lib/data/staff/postcode-claims.ts takes), so
-- two claims cannot both land. The refusal carries the name area_postcodes_one_municipality.
CREATE OR REPLACE FUNCTION area_postcodes_one_municipality() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
  held text;
BEGIN
  SELECT municipality_id INTO owner FROM areas WHERE id = NEW.area_id;
  PERFORM pg_advisory_xact_lock(180003, left(NEW.postcode, 4)::int);
  SELECT ap.postcode INTO held
    FROM area_postcodes ap JOIN areas a ON a.id = ap.area_id
   WHERE a.municipality_id <> owner
     AND (ap.postcode = NEW.postcode
          OR ap.postcode = left(NEW.postcode, 4)
          OR (char_length(NEW.postcode) = 4
              AND ap.postcode BETWEEN NEW.postcode || 'AA' AND NEW.postcode || 'ZZ'
              AND left(ap.postcode, 4) = NEW.postcode))
   LIMIT 1;
  IF held IS NOT NULL THEN
    RAISE EXCEPTION 'postcode % overlaps postcode % of another municipality', NEW.postcode, held
      USING ERRCODE = '23P01', CONSTRAINT = 'area_postcodes_one_municipality';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER area_postcodes_one_municipality
  BEFORE INSERT OR UPDATE ON area_postcodes
  FOR EACH ROW EXECUTE FUNCTION area_postcodes_one_municipality();
