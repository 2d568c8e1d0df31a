-- Sizes that do not grow (issue 10): the console's tenant tree pages one tenant's children in name
-- order by keyset (TenantTreeReader); this index serves that order, so a parent with 10,000 children
-- reads one page of them, not all of them sorted.
create index tenant_parent_name_idx on tenant (parent_id, lower(name), id);
