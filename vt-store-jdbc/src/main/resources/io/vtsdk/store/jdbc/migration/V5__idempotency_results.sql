-- vt-store-jdbc schema, version 5 (docs/storage.md): since 0.3 an idempotency record keeps the core's own result (the
-- JSON of what the operation returned), not an HTTP reply. The records of version 4 are HTTP replies the core cannot
-- read: they are dropped (they are kept 24 hours at most, for prompt retries; a retry across the upgrade writes
-- again).
DROP TABLE vt_idempotency;
CREATE TABLE vt_idempotency (
  seq BIGINT PRIMARY KEY,
  scope VARCHAR(512) NOT NULL UNIQUE,
  request_hash ${binary} NOT NULL,
  result ${binary} NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX vt_idempotency_by_time ON vt_idempotency (at_ms);
