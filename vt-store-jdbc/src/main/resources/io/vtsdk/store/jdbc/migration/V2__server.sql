-- vt-store-jdbc schema, version 2: what a server keeps beside VT's data (docs/storage.md).

-- the answers of idempotent writes (Idempotency-Key), bounded by count and age
CREATE TABLE vt_idempotency (
  seq BIGINT PRIMARY KEY,
  scope VARCHAR(512) NOT NULL UNIQUE,
  request_hash ${binary} NOT NULL,
  status INTEGER NOT NULL,
  headers ${text} NOT NULL,
  body ${binary} NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX vt_idempotency_by_time ON vt_idempotency (at_ms);

-- server settings that survive a reset: the token secret, the test clock
CREATE TABLE vt_setting (
  name VARCHAR(64) PRIMARY KEY,
  setting ${text} NOT NULL
);
