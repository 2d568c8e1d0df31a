-- The library (DESIGN §7): software and versions, scripts and versions, maintenance tasks, media, licenses,
-- files as chunks, and script runs for executors. Table and column names are stable: deployments (issue 12)
-- build on them; docs/library.md describes them.
--
-- Ownership: owner_tenant_id null = global (managed at OWNER or at MSP(created_by_msp_id)); otherwise owned by
-- that tenant. Scripts and tasks may be visible_to_all_tenants (owned, readable everywhere).
-- Pinning: script_version, software_version and maintenance_task_version rows never change once written;
-- editing a script or task adds a version. Scripts, software and tasks are soft-deleted (deleted_at) so that
-- what pinned them keeps running the exact version it recorded.

-- Files: content-addressed blobs stored as chunks (a single bytea is capped at 1 GB and read whole by the driver).
-- A blob is written under a fresh id while its hash is unknown (sha256 null, complete false); when the last
-- chunk is in, an existing complete blob with the same hash is reused and the new copy dropped.
create table file_blob (
    id          uuid primary key,
    sha256      bytea       unique check (sha256 is null or length(sha256) = 32),
    size        bigint      not null default 0 check (size >= 0),
    chunk_size  integer     not null check (chunk_size > 0),
    complete    boolean     not null default false,
    created_at  timestamptz not null default now()
);

create table file_chunk (
    blob_id uuid    not null references file_blob (id) on delete cascade,
    seq     integer not null check (seq >= 0),
    data    bytea   not null,
    primary key (blob_id, seq)
);
alter table file_chunk alter column data set storage external; -- chunks are already-compressed installers

create table script (
    id                      uuid primary key,
    owner_tenant_id         uuid        references tenant (id),
    created_by_msp_id       uuid        references tenant (id),
    visible_to_all_tenants  boolean     not null default false,
    name                    text        not null check (length(name) between 1 and 200),
    description             text        not null default '' check (length(description) <= 4000),
    category                text        not null default '' check (length(category) <= 100),
    language                text        not null check (language in ('POWERSHELL', 'COMMAND_LINE', 'BASH', 'PYTHON')),
    latest_version          integer     not null default 1,
    deleted_at              timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    created_by              uuid,
    version                 bigint      not null default 0
);
create index script_owner_name_idx on script (owner_tenant_id, lower(name), id) where deleted_at is null;
create index script_global_name_idx on script (lower(name), id) where deleted_at is null and owner_tenant_id is null;
create index script_shared_name_idx on script (lower(name), id) where deleted_at is null and visible_to_all_tenants;
create index script_name_idx on script (lower(name), id) where deleted_at is null;

-- One row per saved edit. parameters: [{name, type, required, secret, description, defaultValue}] where secret
-- parameters carry no defaultValue; their defaults are in secret_defaults (AES-GCM over a JSON object).
create table script_version (
    id               uuid primary key,
    script_id        uuid        not null references script (id),
    number           integer     not null check (number >= 1),
    language         text        not null,
    body             text        not null check (length(body) <= 1000000),
    parameters       jsonb       not null default '[]',
    secret_defaults  bytea,
    note             text        not null default '' check (length(note) <= 500),
    created_at       timestamptz not null default now(),
    created_by       uuid,
    unique (script_id, number)
);

create table media (
    id                 uuid primary key,
    owner_tenant_id    uuid        references tenant (id),
    created_by_msp_id  uuid        references tenant (id),
    name               text        not null check (length(name) between 1 and 200),
    description        text        not null default '' check (length(description) <= 4000),
    file_name          text        not null default '' check (length(file_name) <= 260),
    content_type       text        not null default 'application/octet-stream',
    blob_id            uuid        references file_blob (id),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    created_by         uuid,
    version            bigint      not null default 0
);
create index media_owner_name_idx on media (owner_tenant_id, lower(name), id);

create table software (
    id                   uuid primary key,
    owner_tenant_id      uuid        references tenant (id),
    created_by_msp_id    uuid        references tenant (id),
    name                 text        not null check (length(name) between 1 and 200),
    vendor               text        not null default '' check (length(vendor) <= 200),
    description          text        not null default '' check (length(description) <= 4000),
    detection_rule       text        not null default '' check (length(detection_rule) <= 4000),
    install_script_id    uuid        references script (id),
    uninstall_script_id  uuid        references script (id),
    test_script_id       uuid        references script (id),
    icon_media_id        uuid        references media (id) on delete set null,
    deleted_at           timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    created_by           uuid,
    version              bigint      not null default 0
);
create index software_owner_name_idx on software (owner_tenant_id, lower(name), id) where deleted_at is null;

-- sort_key orders version strings properly (1.2 < 1.10, 1.0-beta < 1.0 < 1.0.1): see VersionOrder.
-- The install/uninstall/test scripts are pinned to the script versions current when this version was added.
create table software_version (
    id                          uuid primary key,
    software_id                 uuid        not null references software (id),
    version                     text        not null check (length(version) between 1 and 100),
    sort_key                    text        collate "C" not null,
    installer_blob_id           uuid        references file_blob (id),
    installer_file_name         text        not null default '',
    download_url                text        not null default '' check (length(download_url) <= 2000),
    release_notes               text        not null default '' check (length(release_notes) <= 20000),
    install_script_version_id   uuid        references script_version (id),
    uninstall_script_version_id uuid        references script_version (id),
    test_script_version_id      uuid        references script_version (id),
    created_at                  timestamptz not null default now(),
    created_by                  uuid,
    unique (software_id, version)
);
create index software_version_order_idx on software_version (software_id, sort_key);

create table maintenance_task (
    id                      uuid primary key,
    owner_tenant_id         uuid        references tenant (id),
    created_by_msp_id       uuid        references tenant (id),
    visible_to_all_tenants  boolean     not null default false,
    name                    text        not null check (length(name) between 1 and 200),
    description             text        not null default '' check (length(description) <= 4000),
    latest_version          integer     not null default 1,
    deleted_at              timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    created_by              uuid,
    version                 bigint      not null default 0
);
create index maintenance_task_owner_name_idx on maintenance_task (owner_tenant_id, lower(name), id) where deleted_at is null;

-- A task keeps a setting: get (read the current value), test (is it compliant?), set (make it so). Each
-- version pins the exact script versions it runs.
create table maintenance_task_version (
    id                     uuid primary key,
    task_id                uuid        not null references maintenance_task (id),
    number                 integer     not null check (number >= 1),
    get_script_version_id  uuid        references script_version (id),
    set_script_version_id  uuid        not null references script_version (id),
    test_script_version_id uuid        references script_version (id),
    parameters             jsonb       not null default '[]',
    created_at             timestamptz not null default now(),
    created_by             uuid,
    unique (task_id, number)
);

create table license (
    id                 uuid primary key,
    owner_tenant_id    uuid        references tenant (id),
    created_by_msp_id  uuid        references tenant (id),
    software_id        uuid        not null references software (id),
    name               text        not null check (length(name) between 1 and 200),
    key_cipher         bytea,
    file_cipher        bytea,
    file_name          text        not null default '',
    expires_on         date,
    min_version        text,
    max_version        text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    created_by         uuid,
    version            bigint      not null default 0
);
create index license_owner_name_idx on license (owner_tenant_id, lower(name), id);
create index license_software_idx on license (software_id);

-- A script run on one computer (terminal): the exact script version and parameters, waiting for an executor.
-- PENDING -> RUNNING (claimed, with a lease) -> SUCCEEDED | FAILED; PENDING/RUNNING -> CANCELLED.
-- A RUNNING run whose lease expired is claimable again (back in the queue).
create table script_run (
    id                 uuid primary key,
    computer_id        uuid        not null references computer (id) on delete cascade,
    script_id          uuid        not null references script (id),
    script_version_id  uuid        not null references script_version (id),
    parameters         jsonb       not null default '{}',
    secret_parameters  bytea,
    status             text        not null default 'PENDING'
                           check (status in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    requested_by       uuid,
    requested_at       timestamptz not null default now(),
    claimed_by         uuid,
    claimed_at         timestamptz,
    lease_expires_at   timestamptz,
    attempts           integer     not null default 0,
    exit_code          integer,
    finished_at        timestamptz,
    cancelled_by       uuid,
    version            bigint      not null default 0
);
create index script_run_queue_idx on script_run (requested_at, id) where status in ('PENDING', 'RUNNING');
create index script_run_computer_idx on script_run (computer_id, requested_at desc);

create table script_run_output (
    run_id  uuid        not null references script_run (id) on delete cascade,
    seq     integer     not null,
    stream  text        not null default 'STDOUT' check (stream in ('STDOUT', 'STDERR')),
    text    text        not null,
    at      timestamptz not null default now(),
    primary key (run_id, seq)
);
