-- A loss-proof policy change feed (issue 10, docs/multi-node.md).

-- Every node registers here and heartbeats its watermark (the snapshot xmin of its last catch-up).
-- Pruning keeps every change row at or above the lowest watermark of the live nodes.
create table policy_node (
    id           uuid primary key,
    host         text        not null default '' check (length(host) <= 200),
    started_at   timestamptz not null default clock_timestamp(),
    heartbeat_at timestamptz not null default clock_timestamp(),
    watermark    xid8        not null
);

-- Every change row with an xid below pruned_below may be gone. A node whose watermark is below it has
-- missed changes and must reload fully (gap detection).
create table policy_feed_horizon (
    id           int  primary key check (id = 1),
    pruned_below xid8 not null
);
insert into policy_feed_horizon (id, pruned_below) values (1, '0'::xid8);

-- The one enum-valued policy column without a CHECK (the others have theirs since V1). A migration that
-- adds a value widens the CHECK first (expand), ships code that can read it, and only then writes it.
alter table role_assignment add constraint role_assignment_computer_types_known
    check (resource_computer_types <@ array['WORKSTATION', 'PORTABLE', 'SERVER', 'DOMAIN_CONTROLLER']::text[]);

-- NOTIFY announces the writer's transaction id: a node that hears it knows which revision exists and
-- measures how long it has not applied it (lag).
create or replace function policy_change_row() returns trigger language plpgsql as $$
declare
    ids uuid[] := '{}';
begin
    if tg_op in ('UPDATE', 'DELETE') then
        ids := ids || (to_jsonb(old) ->> tg_argv[1])::uuid;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        ids := ids || (to_jsonb(new) ->> tg_argv[1])::uuid;
    end if;
    insert into policy_change (entity_kind, entity_id)
    select distinct tg_argv[0], i from unnest(ids) i where i is not null;
    perform pg_notify('tenantry_policy', pg_current_xact_id()::text);
    return null;
end $$;

create or replace function policy_change_person() returns trigger language plpgsql as $$
begin
    insert into policy_change (entity_kind, entity_id)
    select 'USER', u.id from app_user u where u.person_id in (old.id, new.id);
    perform pg_notify('tenantry_policy', pg_current_xact_id()::text);
    return null;
end $$;
