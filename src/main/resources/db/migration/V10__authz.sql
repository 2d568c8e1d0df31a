-- Authorization platform: built-in roles and the policy change feed (DESIGN §4, §6).

-- The nine built-in roles with their fixed ids. Their permission arrays are rewritten from code at every
-- start-up (BuiltInRoleSync: code is the source of truth), so the seed only needs ids and names.
insert into role (id, name, description, built_in, owner_tenant_id, permissions) values
    ('00000000-0000-0000-0000-000000000001', 'System Administrator (Legacy)', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000002', 'System User (Legacy)', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000003', 'Administrator (Legacy)', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000004', 'User (Legacy)', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000005', 'Script Manager', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000006', 'Computer Terminal User', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000007', 'Deployment Manager', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000008', 'Cross-Tenant Deployment Manager', '', true, null, '{}'),
    ('00000000-0000-0000-0000-000000000009', 'Cross-Tenant Deployment Change Requester', '', true, null, '{}');

-- One row per changed policy entity per writing transaction. Nodes read rows with xid >= their watermark (the
-- snapshot xmin at the start of their previous catch-up), reload those entities and apply them idempotently.
create table policy_change (
    id          bigint generated always as identity primary key,
    entity_kind text        not null check (entity_kind in ('TENANT', 'COMPUTER', 'USER', 'GROUP', 'ROLE', 'ASSIGNMENT')),
    entity_id   uuid        not null,
    xid         xid8        not null default pg_current_xact_id(),
    at          timestamptz not null default clock_timestamp()
);
create index policy_change_xid_idx on policy_change (xid);

-- Records the entity named by column tg_argv[1] of the old and/or new row as kind tg_argv[0].
create function policy_change_row() returns trigger language plpgsql as $$
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
    perform pg_notify('tenantry_policy', '');
    return null;
end $$;

-- A person changing tenant changes the tenant of its user (USERS_TENANT scopes, group rules).
create function policy_change_person() returns trigger language plpgsql as $$
begin
    insert into policy_change (entity_kind, entity_id)
    select 'USER', u.id from app_user u where u.person_id in (old.id, new.id);
    perform pg_notify('tenantry_policy', '');
    return null;
end $$;

create trigger tenant_policy_change after insert or delete on tenant
    for each row execute function policy_change_row('TENANT', 'id');
create trigger tenant_policy_update after update on tenant
    for each row when (old.parent_id is distinct from new.parent_id or old.msp_id is distinct from new.msp_id
                       or old.kind is distinct from new.kind)
    execute function policy_change_row('TENANT', 'id');

create trigger tenant_tag_policy_change after insert or update or delete on tenant_tag
    for each row execute function policy_change_row('TENANT', 'tenant_id');

create trigger computer_policy_change after insert or delete on computer
    for each row execute function policy_change_row('COMPUTER', 'id');
create trigger computer_policy_update after update on computer
    for each row when (old.tenant_id is distinct from new.tenant_id or old.type is distinct from new.type)
    execute function policy_change_row('COMPUTER', 'id');

create trigger computer_tag_policy_change after insert or update or delete on computer_tag
    for each row execute function policy_change_row('COMPUTER', 'computer_id');

create trigger person_policy_update after update on person
    for each row when (old.tenant_id is distinct from new.tenant_id)
    execute function policy_change_person();

create trigger app_user_policy_change after insert or delete on app_user
    for each row execute function policy_change_row('USER', 'id');
create trigger app_user_policy_update after update on app_user
    for each row when (old.enabled is distinct from new.enabled
                       or old.access_expires_at is distinct from new.access_expires_at
                       or old.person_id is distinct from new.person_id)
    execute function policy_change_row('USER', 'id');

create trigger user_group_policy_change after insert or delete on user_group
    for each row execute function policy_change_row('GROUP', 'id');
create trigger user_group_policy_update after update on user_group
    for each row when (old.owner_tenant_id is distinct from new.owner_tenant_id)
    execute function policy_change_row('GROUP', 'id');

create trigger group_member_policy_change after insert or update or delete on group_member
    for each row execute function policy_change_row('GROUP', 'group_id');

create trigger role_policy_change after insert or delete on role
    for each row execute function policy_change_row('ROLE', 'id');
create trigger role_policy_update after update on role
    for each row when (old.permissions is distinct from new.permissions
                       or old.owner_tenant_id is distinct from new.owner_tenant_id)
    execute function policy_change_row('ROLE', 'id');

create trigger role_assignment_policy_change after insert or update or delete on role_assignment
    for each row execute function policy_change_row('ASSIGNMENT', 'id');

-- Built-in roles are read-only for everyone but the start-up sync (which sets tenantry.builtin_sync).
create function role_built_in_read_only() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('tenantry.builtin_sync', true), '') <> 'on' then
        raise exception 'built-in role % is read-only', old.id using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger role_built_in_guard before update or delete on role
    for each row when (old.built_in) execute function role_built_in_read_only();
