-- The version of what every console page shows besides the policy and the session: names (tenants,
-- people, users), waiting access requests and change requests. A node keeps what a page header
-- computed per (user, policy revision, this version) and reads the version in the one statement a
-- page runs anyway (the session check; docs/performance.md). Every transaction that changes one of
-- these tables raises the version once, at its commit: a statement trigger notes the transaction, a
-- deferred constraint trigger on that note raises the version (the row lock is the last lock such a
-- transaction takes, so it cannot deadlock) and removes the note. The new version becomes visible
-- atomically with the change, so a reader never caches old data under a new version.
create table console_data_version (
    id      int primary key check (id = 1),
    version bigint not null
);
insert into console_data_version values (1, 0);

create table console_data_change (
    xid xid8 primary key
);

create function console_data_changed() returns trigger language plpgsql as $$
begin
    insert into console_data_change values (pg_current_xact_id()) on conflict do nothing;
    return null;
end
$$;

create function console_data_bump() returns trigger language plpgsql as $$
begin
    update console_data_version set version = version + 1 where id = 1;
    delete from console_data_change where xid = new.xid;
    return null;
end
$$;

create constraint trigger console_data_bump after insert on console_data_change
    deferrable initially deferred for each row execute function console_data_bump();

create trigger console_data_changed after insert or update or delete or truncate on tenant
    for each statement execute function console_data_changed();
create trigger console_data_changed after insert or update or delete or truncate on person
    for each statement execute function console_data_changed();
create trigger console_data_changed after insert or update or delete or truncate on app_user
    for each statement execute function console_data_changed();
create trigger console_data_changed after insert or update or delete or truncate on access_request
    for each statement execute function console_data_changed();
create trigger console_data_changed after insert or update or delete or truncate on change_request
    for each statement execute function console_data_changed();
