-- DESIGN §2/§3.6e, issue 8: a computer tag or type selector may be limited to one tenant or to one MSP.
-- The limit stays in scope_tenant_id (so foreign key, merge and delete handling are unchanged);
-- scope_msp_limit says it names an MSP: the selector then picks computers whose tenant's msp_id is it.
-- Only a tag or type selector can carry it, and it needs the MSP named (at most one limit by construction).
alter table role_assignment add column scope_msp_limit boolean not null default false;
alter table role_assignment add constraint role_assignment_msp_limit_on_selectors
    check (not scope_msp_limit
           or (scope_kind = 'RESOURCE' and resource_kind in ('COMPUTER_TAG', 'COMPUTER_TYPES')
               and scope_tenant_id is not null));

-- identical assignments (V50): an MSP limit and a tenant limit on the same id are different scopes
drop index role_assignment_identical_uq;
create unique index role_assignment_identical_uq on role_assignment (
    coalesce(user_id, group_id),
    role_id,
    effect,
    scope_kind,
    coalesce(scope_tenant_id, '00000000-0000-0000-0000-000000000000'::uuid),
    include_children,
    coalesce(scope_tag_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(resource_kind, ''),
    coalesce(resource_computer_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(resource_computer_types, '{}'::text[]),
    scope_msp_limit,
    coalesce(expires_at, 'infinity'::timestamptz));
