-- Blob garbage collection (docs/library.md): finding unreferenced file_blob rows asks media and
-- software_version by blob id, and walks blobs by age.
create index media_blob_idx on media (blob_id) where blob_id is not null;
create index software_version_installer_idx on software_version (installer_blob_id) where installer_blob_id is not null;
create index file_blob_created_idx on file_blob (created_at, id);
