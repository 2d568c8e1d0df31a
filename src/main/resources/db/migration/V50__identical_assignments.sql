-- DESIGN §3.6j / issue 8: identical role assignments (same principal, role, effect, scope and
-- expiry) exist at most once, also under concurrent requests. Existing duplicates (created before
-- this rule) are removed, keeping the oldest row of each set.
delete from role_assignment a
 using role_assignment b
 where a.id <> b.id
   and coalesce(a.user_id, a.group_id) = coalesce(b.user_id, b.group_id)
   and a.role_id = b.role_id
   and a.effect = b.effect
   and a.scope_kind = b.scope_kind
   and a.scope_tenant_id is not distinct from b.scope_tenant_id
   and a.include_children = b.include_children
   and a.scope_tag_id is not distinct from b.scope_tag_id
   and a.resource_kind is not distinct from b.resource_kind
   and a.resource_computer_id is not distinct from b.resource_computer_id
   and a.resource_computer_types is not distinct from b.resource_computer_types
   and a.expires_at is not distinct from b.expires_at
   and (a.created_at, a.id) > (b.created_at, b.id);

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
    coalesce(expires_at, 'infinity'::timestamptz));
