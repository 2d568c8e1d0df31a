-- Lists at scale (issue 10): a caller's visible tenant set, stored once by its content so that a
-- list query joins it by index (a cheap probe per row along the list's sort index) instead of
-- carrying thousands of tenant ids as an array parameter. A set is immutable: its id is derived
-- from its members (authz's VisibleTenantSets), so every node and every user with the same set
-- share it. Unused sets are removed after a day; a node re-checks a set it relies on every few
-- minutes (touching used_at), far inside that.
create table visible_tenant_set_head (
    set_id   uuid primary key,
    tenants  integer     not null,
    used_at  timestamptz not null default now()
);

create table visible_tenant_set (
    set_id    uuid not null references visible_tenant_set_head (set_id) on delete cascade,
    tenant_id uuid not null,
    primary key (set_id, tenant_id)
);

-- The planner must know each set's size (a list walks its sort index for a large set, starts from
-- the tenants for a small one): many sets in the most-common-values list.
alter table visible_tenant_set alter column set_id set statistics 1000;
