-- Lists at scale (issue 10): the tenant list's keyset order (lower(name), id) along an index.
create index tenant_name_sort_idx on tenant (lower(name), id);
