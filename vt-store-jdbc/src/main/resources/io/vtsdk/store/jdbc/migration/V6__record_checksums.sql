-- vt-store-jdbc schema, version 6 (docs/storage.md, issue 40): SQLite's pages carry no checksum, so a bit flipped
-- inside a record's JSON was served as data. Each record now carries the CRC-32C of its body (UTF-8), written with it
-- and verified on every read: a damaged record is refused, naming its table, never served. Rows written before this
-- version have none (NULL) and are read as before.
ALTER TABLE vt_unit ADD COLUMN body_sum VARCHAR(8);
ALTER TABLE vt_dossier ADD COLUMN body_sum VARCHAR(8);
ALTER TABLE vt_request ADD COLUMN body_sum VARCHAR(8);
ALTER TABLE vt_event ADD COLUMN body_sum VARCHAR(8);
ALTER TABLE vt_status ADD COLUMN body_sum VARCHAR(8);
ALTER TABLE vt_agreement ADD COLUMN body_sum VARCHAR(8);
ALTER TABLE vt_omv ADD COLUMN body_sum VARCHAR(8);
