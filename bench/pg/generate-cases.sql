-- The PostGIS bench data (bench/pg/run-case-bench.sh, run-viewer-bench.sh), into a store made by
-- `cases init`.
-- 10,000 compounds on a grid over mainland Southeast Asia; 200,000 incidents, 20 per compound,
-- each linked 'at' its compound (every 10th also 'possibly linked' to the next compound),
-- with 3 nationality counts and 2 cited sources each; 1,000 sources.
INSERT INTO compounds (id, name, aliases, kind, status, status_date, location_precision, notes, stated_country, geom)
SELECT 'c' || g, 'Compound ' || g, 'Alias ' || g, 'scam compound', (ARRAY['active','raided','closed','unknown'])[1 + g % 4],
       DATE '2025-01-01' + (g % 365), 'site', 'generated', 'Cambodia',
       ST_SetSRID(ST_MakePoint(97 + (g % 100) * 0.1, 9 + (g / 100) * 0.1), 4326)
FROM generate_series(0, 9999) g;
INSERT INTO sources (id, publisher, url, published)
SELECT 's' || g, 'Publisher ' || (g % 50), 'https://example.org/' || g, DATE '2025-01-01' + (g % 365)
FROM generate_series(0, 999) g;
INSERT INTO incidents (id, kind, start_date, date_precision, summary, total_people, personnel)
SELECT 'i' || g, (ARRAY['raid','arrest','deportation','rescue','closure','sanction','report'])[1 + g % 7],
       DATE '2020-01-01' + (g % 2000), 'day', 'generated incident ' || g, 100 + g % 900, g % 50
FROM generate_series(0, 199999) g;
INSERT INTO incident_compounds (incident_id, compound_id, relation)
SELECT 'i' || g, 'c' || (g % 10000), 'at' FROM generate_series(0, 199999) g
UNION ALL
SELECT 'i' || g, 'c' || ((g + 1) % 10000), 'possibly linked' FROM generate_series(0, 199999, 10) g;
INSERT INTO incident_counts (incident_id, nationality, count)
SELECT 'i' || g, n, 10 + g % 30 FROM generate_series(0, 199999) g, unnest(ARRAY['CN','VN','MM']) n;
INSERT INTO incident_sources (incident_id, source_id)
SELECT 'i' || g, 's' || ((g + k * 7) % 1000) FROM generate_series(0, 199999) g, generate_series(0, 1) k;
INSERT INTO compound_sources (compound_id, source_id) SELECT 'c' || g, 's' || (g % 1000) FROM generate_series(0, 9999) g;
ANALYZE;
