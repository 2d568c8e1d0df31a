-- Warnings of a directory sync run that succeeded with exceptions, one per line: e.g. a person Entra shows disabled
-- whose user was kept active because it is the instance's last full administrator (DESIGN §3.6h).
alter table directory_sync_run
    add column warnings text;
