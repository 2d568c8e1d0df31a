-- Issue 10 (request path): GET /api/v1/tenants/{id} answers from a node-local read model that the
-- policy feed keeps current (docs/performance.md). Everything that answer shows must therefore
-- announce itself on the feed, not only the columns the engine reads:
-- * every update of a tenant row (name, slug, description, active, Entra link, version, ...);
-- * a change of a tag's row, for every tenant carrying the tag (the answer lists its tags by name).
-- Re-reading a tenant is cheap and idempotent on every node; tenant rows change by hand, rarely.
drop trigger tenant_policy_update on tenant;
create trigger tenant_policy_update after update on tenant
    for each row when (old is distinct from new)
    execute function policy_change_row('TENANT', 'id');

create function policy_change_tag_tenants() returns trigger language plpgsql as $$
begin
    insert into policy_change (entity_kind, entity_id)
    select 'TENANT', tt.tenant_id from tenant_tag tt where tt.tag_id = new.id;
    if found then
        perform pg_notify('tenantry_policy', pg_current_xact_id()::text);
    end if;
    return null;
end $$;

create trigger tag_tenant_details_change after update on tag
    for each row when (old is distinct from new)
    execute function policy_change_tag_tenants();

-- Check Access names the matching roles and groups from memory (RoleAndGroupNames): a renamed role
-- or group announces itself too.
drop trigger role_policy_update on role;
create trigger role_policy_update after update on role
    for each row when (old.permissions is distinct from new.permissions
                       or old.owner_tenant_id is distinct from new.owner_tenant_id
                       or old.name is distinct from new.name)
    execute function policy_change_row('ROLE', 'id');
drop trigger user_group_policy_update on user_group;
create trigger user_group_policy_update after update on user_group
    for each row when (old.owner_tenant_id is distinct from new.owner_tenant_id
                       or old.name is distinct from new.name)
    execute function policy_change_row('GROUP', 'id');
