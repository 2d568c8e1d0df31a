-- Lists at scale (issue 10): indexes that serve the list sort (keyset order lower(name), id), and
-- trigram indexes for contains-searches (ILIKE '%q%') of 3 characters or more.
create extension if not exists pg_trgm;

create index computer_name_sort_idx on computer (lower(name), id);
create index computer_tenant_name_idx on computer (tenant_id, lower(name), id);
create index computer_name_trgm_idx on computer using gin (name gin_trgm_ops);
create index computer_serial_trgm_idx on computer using gin (serial gin_trgm_ops);

create index person_name_sort_idx on person (lower(family_name), lower(given_name), id);
create index person_given_family_trgm_idx on person using gin ((given_name || ' ' || family_name) gin_trgm_ops);
create index person_family_given_trgm_idx on person using gin ((family_name || ' ' || given_name) gin_trgm_ops);
create index person_email_trgm_idx on person using gin (email gin_trgm_ops);
create index tenant_name_trgm_idx on tenant using gin (name gin_trgm_ops);
