-- Change requests (DESIGN §8, docs/change-requests.md): a proposed change (a deployment create/edit/delete, a
-- script edit) that waits for someone else's approval and is applied, when approved, by the feature's
-- ChangeApplier in the approving transaction.
--
-- tenant_id: the tenant whose approvers decide (null = cross-tenant or global: approvers at OWNER, or at
-- MSP(msp_id) when msp_id is set). before/after are what the diff shows; after is what is applied.
-- subject_version is the changed object's version when the change was proposed (a different version at
-- approval time sends the request to NEEDS_ATTENTION). User ids carry no foreign key (like the audit trail):
-- a request outlives its author's user. CANCELLED = withdrawn by its author.
create table change_request (
    id                           uuid primary key,
    kind                         text        not null check (kind ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    subject_id                   uuid,
    tenant_id                    uuid,
    msp_id                       uuid,
    summary                      text        not null check (length(summary) between 1 and 500),
    before_json                  jsonb       not null,
    after_json                   jsonb       not null,
    subject_version              bigint,
    state                        text        not null default 'WAITING_FOR_APPROVAL'
        check (state in ('WAITING_FOR_APPROVAL', 'APPROVED_AND_APPLIED', 'DENIED', 'NEEDS_ATTENTION', 'CANCELLED')),
    author_user_id               uuid        not null,
    author_impersonator_user_id  uuid,
    decided_by                   uuid,
    decided_impersonator_user_id uuid,
    decided_at                   timestamptz,
    decision_reason              text        check (length(decision_reason) <= 2000),
    result_id                    uuid,
    created_at                   timestamptz not null default now(),
    updated_at                   timestamptz not null default now(),
    version                      bigint      not null default 0
);
-- lists: newest first, per tenant, per author; open requests of one subject; the approver badge
create index change_request_tenant_idx on change_request (tenant_id, created_at desc, id);
create index change_request_author_idx on change_request (author_user_id, created_at desc, id);
create index change_request_subject_open_idx on change_request (subject_id)
    where state in ('WAITING_FOR_APPROVAL', 'NEEDS_ATTENTION');
create index change_request_waiting_idx on change_request (tenant_id, msp_id)
    where state = 'WAITING_FOR_APPROVAL';

create table change_request_comment (
    id                      uuid primary key,
    change_request_id       uuid        not null references change_request (id) on delete cascade,
    author_user_id          uuid        not null,
    impersonator_user_id    uuid,
    body                    text        not null check (length(body) between 1 and 4000),
    created_at              timestamptz not null default now()
);
create index change_request_comment_request_idx on change_request_comment (change_request_id, created_at, id);
