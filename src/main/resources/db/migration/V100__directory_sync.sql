-- Entra directory sync (DESIGN §9): Entra-owned person fields, per-tenant sync state, run history, and the
-- db-scheduler table that makes the hourly sync run once per cluster.

-- Fields owned by Entra besides names and e-mail, and the person's state there. A person whose Entra user is
-- DISABLED or REMOVED stays (never deleted); its user is inactive (DESIGN §3.1 "person gone") until ACTIVE again.
alter table person
    add column upn         text not null default '' check (length(upn) <= 320),
    add column job_title   text not null default '' check (length(job_title) <= 200),
    add column entra_state text not null default 'ACTIVE' check (entra_state in ('ACTIVE', 'DISABLED', 'REMOVED')),
    add column seen_in_run uuid;

-- The engine's user nodes read the person's state: a change of it is a policy change of the person's user.
create trigger person_entra_state_policy_update after update on person
    for each row when (old.entra_state is distinct from new.entra_state)
    execute function policy_change_person();

-- Sync settings and state of a tenant linked to an Entra tenant (tenant.azure_tenant_id).
create table directory_link (
    tenant_id        uuid primary key references tenant (id) on delete cascade,
    limit_to_domains text[]      not null default '{}',
    delta_link       text,
    delta_tid        uuid,
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 0
);

-- One row per sync run; at most one RUNNING per tenant (the partial unique index is the lock).
create table directory_sync_run (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    trigger       text        not null check (trigger in ('SCHEDULE', 'MANUAL')),
    requested_by  uuid,
    status        text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    full_sync     boolean     not null default false,
    started_at    timestamptz not null default now(),
    heartbeat_at  timestamptz not null default now(),
    finished_at   timestamptz,
    pages         int         not null default 0,
    created       int         not null default 0,
    updated       int         not null default 0,
    marked        int         not null default 0,
    skipped       int         not null default 0,
    error         text
);
create unique index directory_sync_run_one_running on directory_sync_run (tenant_id) where status = 'RUNNING';
create index directory_sync_run_tenant_idx on directory_sync_run (tenant_id, started_at desc);

-- db-scheduler's table (PostgreSQL flavour, from its documentation).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
