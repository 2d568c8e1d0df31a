-- Deployments (DESIGN §8, docs/deployments.md): the desired state of one software or maintenance task for a
-- target. Exactly the columns of the target kind are set (checked below):
--   COMPUTER      target_computer_id
--   PERSON        target_person_id (their primary computers, in the person's tenant)
--   TENANT        target_tenant_id, include_children
--   TENANT_TAG    target_tag_id, target_msp_id (null = tenants of every MSP)
--   CROSS_TENANT  target_msp_id (null = every tenant of the instance)
-- owner_tenant_id is the target's tenant (the MSP, or null for the instance, for tag and cross-tenant targets):
-- visibility follows it. What runs is pinned: INSTALL names a software_version, RUN a maintenance_task_version.
-- Removing a target (computer, person, tenant, tag) removes its deployments with it.
create table deployment (
    id                   uuid primary key,
    name                 text        not null default '' check (length(name) <= 200),
    notes                text        not null default '' check (length(notes) <= 4000),
    subject_kind         text        not null check (subject_kind in ('SOFTWARE', 'TASK')),
    software_id          uuid        references software (id),
    software_version_id  uuid        references software_version (id),
    task_id              uuid        references maintenance_task (id),
    task_version_id      uuid        references maintenance_task_version (id),
    subject_id           uuid        generated always as (coalesce(software_id, task_id)) stored,
    desired_state        text        not null
                             check (desired_state in ('INSTALL', 'KEEP_LATEST', 'UNINSTALL', 'IGNORE', 'RUN')),
    target_kind          text        not null
                             check (target_kind in ('COMPUTER', 'PERSON', 'TENANT', 'TENANT_TAG', 'CROSS_TENANT')),
    target_computer_id   uuid        references computer (id) on delete cascade,
    target_person_id     uuid        references person (id) on delete cascade,
    target_tenant_id     uuid        references tenant (id) on delete cascade,
    include_children     boolean     not null default false,
    target_tag_id        uuid        references tag (id) on delete cascade,
    target_msp_id        uuid        references tenant (id) on delete cascade,
    owner_tenant_id      uuid        references tenant (id) on delete cascade,
    enforced             boolean     not null default false,
    priority             integer     not null default 0 check (priority between -1000 and 1000),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    created_by           uuid,
    version              bigint      not null default 0,
    check ((subject_kind = 'SOFTWARE' and software_id is not null and task_id is null and task_version_id is null
                and desired_state in ('INSTALL', 'KEEP_LATEST', 'UNINSTALL', 'IGNORE')
                and (software_version_id is not null) = (desired_state = 'INSTALL'))
        or (subject_kind = 'TASK' and task_id is not null and task_version_id is not null and software_id is null
                and software_version_id is null and desired_state = 'RUN')),
    check ((target_kind = 'COMPUTER') = (target_computer_id is not null)),
    check ((target_kind = 'PERSON') = (target_person_id is not null)),
    check ((target_kind = 'TENANT') = (target_tenant_id is not null)),
    check (target_kind = 'TENANT' or not include_children),
    check ((target_kind = 'TENANT_TAG') = (target_tag_id is not null)),
    check (target_msp_id is null or target_kind in ('TENANT_TAG', 'CROSS_TENANT')),
    check (owner_tenant_id is not null or target_kind in ('TENANT_TAG', 'CROSS_TENANT'))
);
-- A computer's applicable deployments look up each target kind by its key (computer_deployments_p95_ms).
create index deployment_computer_idx on deployment (target_computer_id) where target_computer_id is not null;
create index deployment_person_idx on deployment (target_person_id) where target_person_id is not null;
create index deployment_tenant_idx on deployment (target_tenant_id) where target_tenant_id is not null;
create index deployment_tag_idx on deployment (target_tag_id) where target_tag_id is not null;
create index deployment_cross_idx on deployment (target_msp_id) where target_kind = 'CROSS_TENANT';
-- Lists: by owner, newest first; foreign keys that are cascaded through.
create index deployment_owner_idx on deployment (owner_tenant_id, created_at desc, id);
create index deployment_created_idx on deployment (created_at desc, id);
create index deployment_subject_idx on deployment (subject_id);
create index deployment_target_msp_idx on deployment (target_msp_id) where target_msp_id is not null;
