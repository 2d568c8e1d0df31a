-- Issue 10 (request path): every console page names the instance MSP (the first MSP tenant
-- created, TenantRepository.firstMsp); without this index that is a scan of every tenant.
create index tenant_first_msp_idx on tenant (created_at, id) where kind = 'MSP';
