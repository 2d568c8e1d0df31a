-- Schedules, their firings, maintenance sessions and their logs (issue 12, DESIGN §8; docs/maintenance.md).

create table schedule (
    id                uuid primary key,
    owner_tenant_id   uuid        references tenant (id) on delete cascade, -- null = cross-tenant
    msp_id            uuid        references tenant (id) on delete cascade, -- cross-tenant: this MSP's tenants; null = the instance
    name              text        not null check (length(name) between 1 and 200),
    cron              text        not null check (length(cron) between 1 and 200),
    window_start      time,                                                 -- null = the tenant's maintenance window
    window_end        time,
    time_zone         text,                                                 -- null = the window's time zone
    target_kind       text        not null check (target_kind in ('TENANT', 'COMPUTERS', 'TAGS')),
    include_children  boolean     not null default false,
    computer_ids      uuid[]      not null default '{}',
    tag_ids           uuid[]      not null default '{}',
    deployment_ids    uuid[],                                               -- null = every applicable deployment
    enabled           boolean     not null default true,
    created_at        timestamptz not null default now(),
    created_by        uuid,
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 0,
    check (owner_tenant_id is null or msp_id is null),
    check ((window_start is null) = (window_end is null))
);
create index schedule_owner_idx on schedule (owner_tenant_id);
create index schedule_msp_idx on schedule (msp_id);

-- One firing of a schedule: at its cron time (trigger SCHEDULE) or on demand (MANUAL). Unique per
-- (schedule, time), so a retry or a second node never fires twice; `cursor` is the last computer id
-- handled, so an interrupted firing resumes after the last committed batch.
create table schedule_firing (
    id                uuid primary key,
    schedule_id       uuid        not null references schedule (id) on delete cascade,
    fires_at          timestamptz not null,
    trigger           text        not null check (trigger in ('SCHEDULE', 'MANUAL')),
    requested_by      uuid,
    status            text        not null default 'PENDING' check (status in ('PENDING', 'DONE')),
    cursor            uuid,
    sessions_created  integer     not null default 0,
    batches           integer     not null default 0,
    started_at        timestamptz,
    finished_at       timestamptz,
    unique (schedule_id, fires_at)
);

create table maintenance_session (
    id                uuid primary key,
    computer_id       uuid        not null references computer (id) on delete cascade, -- never a copy of its tenant
    origin            text        not null check (origin in ('USER', 'SCHEDULE', 'ONBOARDING')),
    schedule_id       uuid        references schedule (id) on delete set null,
    firing_id         uuid        references schedule_firing (id) on delete set null,
    deployments       jsonb       not null default '[]', -- the AppliedDeployment list resolved at creation
    status            text        not null default 'PENDING'
                          check (status in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    requested_by      uuid,
    requested_at      timestamptz not null default now(),
    window_ends_at    timestamptz,                   -- a schedule's window: not claimed after it
    claimed_by        uuid,
    claimed_at        timestamptz,
    lease_expires_at  timestamptz,
    attempts          integer     not null default 0,
    message           text,
    finished_at       timestamptz,
    cancelled_by      uuid,
    version           bigint      not null default 0
);
create unique index maintenance_session_firing_uq on maintenance_session (firing_id, computer_id) where firing_id is not null;
create index maintenance_session_computer_idx on maintenance_session (computer_id, requested_at desc);
create index maintenance_session_queue_idx on maintenance_session (requested_at, id) where status in ('PENDING', 'RUNNING');
create index maintenance_session_schedule_idx on maintenance_session (schedule_id);

create table maintenance_session_log (
    session_id  uuid        not null references maintenance_session (id) on delete cascade,
    seq         integer     not null,
    level       text        not null default 'INFO' check (level in ('INFO', 'WARN', 'ERROR')),
    text        text        not null,
    at          timestamptz not null default now(),
    primary key (session_id, seq)
);
