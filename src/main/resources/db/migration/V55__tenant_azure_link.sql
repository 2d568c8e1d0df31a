-- DESIGN §3.10 / issue 8: linking an Entra directory to a tenant is an instance-wide trust decision
-- (azure:link-tenant, a system permission); the tenant page shows who made it and when.
alter table tenant
    add column azure_linked_at       timestamptz,
    add column azure_linked_by       uuid references app_user (id) on delete set null,
    add column azure_linked_by_label text;
