/**
 * Generates data at national scale into an empty, migrated PostgreSQL database with set-based
 * SQL (generate_series): 350 municipalities, 3,500 wijken, 20,000 groups with one admin each,
 * 1,400,000 member addresses (70 per group, clustered by postcode), 5,000 bord requests with
 * history, 100,000 outbox rows. Every row passes the schema's constraints.
 */
import type postgres from "postgres";

export const SCALE = {
  municipalities: 350,
  areasPerMunicipality: 10,
  groups: 20_000,
  addressesPerGroup: 70,
  bordRequests: 5_000,
  outbox: 100_000,
} as const;

const AREAS = SCALE.municipalities * SCALE.areasPerMunicipality;

/** Letters of the postcode for pair index n (0 → AA, 1 → AB, …); never reaches SA/SD/SS here. */
const LETTERS = (n: string) => `chr(65 + (${n}) / 26) || chr(65 + (${n}) % 26)`;
/** The 4-digit part of the postcode of wijk a, half h (0 or 1). */
const DIGITS = (a: string, h: string) => `(1000 + (${a}) * 2 + (${h}))::text`;

export async function loadNationalData(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`
    insert into municipalities (code, name, slug, safety_email, bord_threshold)
    select 'GM' || lpad((1000 + m)::text, 4, '0'), 'Gemeente ' || m, 'gemeente-' || m,
           'veiligheid' || m || '@gemeente.example', 50
    from generate_series(0, ${SCALE.municipalities - 1}) m;

    insert into areas (municipality_id, code, name, slug, total_addresses)
    select mu.id, 'WK' || lpad((1000 + m)::text, 4, '0') || lpad(w::text, 2, '0'),
           'Wijk ' || w, 'gemeente-' || m || '-wijk-' || w, 4000
    from generate_series(0, ${SCALE.municipalities - 1}) m
    cross join generate_series(0, ${SCALE.areasPerMunicipality - 1}) w
    join municipalities mu on mu.code = 'GM' || lpad((1000 + m)::text, 4, '0');

    -- Every wijk an outline of 61 positions (a wavy ellipse), about as many as a CBS wijk keeps
    -- after the import's simplification, so the map of /wijken?gemeente= draws real shapes.
    update areas a set boundary = jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array((
      select jsonb_agg(jsonb_build_array(
               round((c.x + 0.014 * cos(2 * pi() * i / 60) * (1 + 0.06 * sin(14 * pi() * i / 60)))::numeric, 5),
               round((c.y + 0.018 * sin(2 * pi() * i / 60))::numeric, 5)) order by i)
      from generate_series(0, 60) i
    )))
    from (
      select id,
             4.0 + ((substring(code, 3, 4)::int - 1000) % 20) * 0.2 + (substring(code, 7, 2)::int % 5) * 0.03 as x,
             51.0 + ((substring(code, 3, 4)::int - 1000) / 20) * 0.1 + (substring(code, 7, 2)::int / 5) * 0.04 as y
      from areas
    ) c
    where c.id = a.id;

    create temporary table bench_areas as
      select a.id, a.municipality_id,
             ((substring(a.code, 3, 4)::int - 1000) * ${SCALE.areasPerMunicipality} + substring(a.code, 7, 2)::int) as n
      from areas a;
    create index on bench_areas (n);

    insert into area_postcodes (area_id, postcode)
    select ba.id, ${DIGITS("ba.n", "h")} from bench_areas ba cross join generate_series(0, 1) h;

    insert into users (id, email, name, phone, birth_date, postcode, house_number)
    select gen_random_uuid()::text, 'beheerder' || g || '@bench.example', 'Beheerder ' || g, '+3161234' || lpad((g % 10000)::text, 4, '0'),
           date '1970-01-01' + (g % 9000), ${DIGITS(`g % ${AREAS}`, "0")} || 'AA', 1
    from generate_series(0, ${SCALE.groups - 1}) g;

    insert into groups (municipality_id, area_id, slug, name, description, created_at, updated_at)
    select ba.municipality_id, ba.id, 'groep-' || g, 'Buurtpreventie ' || g, 'Straten rond plein ' || g,
           now() - ((g % 1000) || ' days')::interval, now() - ((g % 1000) || ' days')::interval
    from generate_series(0, ${SCALE.groups - 1}) g
    join bench_areas ba on ba.n = g % ${AREAS};

    insert into group_admins (group_id, user_id)
    select gr.id, u.id from groups gr join users u on u.email = 'beheerder' || substring(gr.slug, 7) || '@bench.example';
  `);

  // Addresses: group g in wijk a = g % AREAS, round j = g / AREAS; address i has letter pair
  // j*10 + i/10 and house number i%10 + 1, in half (j % 2) of the wijk's postcodes.
  await sql.unsafe(`
    insert into member_addresses (group_id, postcode, house_number, addition, area_id, in_municipality, street, town)
    select gr.id,
           ${DIGITS(`g % ${AREAS}`, `(g / ${AREAS}) % 2`)} || ${LETTERS(`(g / ${AREAS}) * 10 + i / 10`)},
           i % 10 + 1, '', gr.area_id, true, 'Straat ' || (i / 10), 'Plaats'
    from (select id, area_id, substring(slug, 7)::int as g from groups) gr
    cross join generate_series(0, ${SCALE.addressesPerGroup - 1}) i;
  `);

  await sql.unsafe(`
    insert into bord_requests (group_id, status, bord_count, street, near_house_number, location_description,
                               reason, placed_on, placed_count, placed_location, version, created_at, updated_at)
    select gr.id,
           (array['submitted','in_review','approved','placed','rejected','withdrawn'])[g % 6 + 1]::bord_request_status,
           1 + g % 4, 'Straat 1', 1, 'Bij de ingang van de wijk',
           case when g % 6 = 4 then 'Er staat al een bord.' end,
           case when g % 6 = 3 then date '2026-01-01' + (g % 300) end,
           case when g % 6 = 3 then 1 end,
           case when g % 6 = 3 then 'Hoek Straat 1' end,
           1, now() - ((g % 700) || ' days')::interval, now() - ((g % 700) || ' days')::interval
    from (select id, substring(slug, 7)::int as g from groups) gr
    where gr.g < ${SCALE.bordRequests};

    insert into bord_request_events (bord_request_id, from_status, to_status, note, created_at)
    select id, null, 'submitted', '', created_at from bord_requests;
    insert into bord_request_events (bord_request_id, from_status, to_status, note, created_at)
    select id, 'submitted', status, '', updated_at from bord_requests where status <> 'submitted';

    insert into mail_outbox (idempotency_key, kind, to_address, subject, text, status, attempts, sent_at, transport, created_at)
    select 'bench-' || i, 'group_registered', 'ontvanger' || (i % 5000) || '@bench.example',
           'Nieuwe buurtpreventiegroep', 'Tekst van bericht ' || i, 'sent', 1, now() - ((i % 365) || ' days')::interval,
           'smtp', now() - ((i % 365) || ' days')::interval
    from generate_series(1, ${SCALE.outbox}) i;
  `);
  // On its own: VACUUM cannot run inside the implicit transaction of a multi-statement query.
  await sql.unsafe("vacuum analyze");
}
