-- vt-store-jdbc schema, version 1: the data of vt-core's Store (docs/storage.md).
-- Portable SQL for SQLite, PostgreSQL and H2; ${text} and ${binary} are the engine's text and byte types.
-- Records are JSON documents (body) beside the columns the queries select on. seq is the creation order.

CREATE TABLE vt_counter (
  name VARCHAR(32) PRIMARY KEY,
  n BIGINT NOT NULL
);
INSERT INTO vt_counter (name, n) VALUES ('id', 0);

CREATE TABLE vt_unit (
  id VARCHAR(64) PRIMARY KEY,
  seq BIGINT NOT NULL UNIQUE,
  body ${text} NOT NULL
);

CREATE TABLE vt_dossier (
  seq BIGINT PRIMARY KEY,
  id VARCHAR(64) NOT NULL UNIQUE,
  requester_unit VARCHAR(64),
  created_by VARCHAR(128),
  body ${text} NOT NULL
);
CREATE INDEX vt_dossier_by_unit ON vt_dossier (requester_unit, seq);

CREATE TABLE vt_request (
  seq BIGINT PRIMARY KEY,
  id VARCHAR(64) NOT NULL UNIQUE,
  dossier_id VARCHAR(64) NOT NULL,
  unit_id VARCHAR(64) NOT NULL,
  requester_unit VARCHAR(64),
  open_flag SMALLINT NOT NULL,
  body ${text} NOT NULL
);
CREATE INDEX vt_request_by_dossier ON vt_request (dossier_id, seq);
CREATE INDEX vt_request_by_receiver ON vt_request (unit_id, seq);
CREATE INDEX vt_request_by_requester ON vt_request (requester_unit, seq);
CREATE INDEX vt_request_open ON vt_request (open_flag, seq);

CREATE TABLE vt_event (
  seq BIGINT PRIMARY KEY,
  body ${text} NOT NULL
);
-- who may see an event: its requesting unit and, for a request event, its receiving unit
CREATE TABLE vt_event_unit (
  unit_id VARCHAR(64) NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (unit_id, seq)
);

CREATE TABLE vt_status (
  seq BIGINT PRIMARY KEY,
  request_id VARCHAR(64) NOT NULL,
  body ${text} NOT NULL
);
CREATE INDEX vt_status_by_request ON vt_status (request_id, seq);

CREATE TABLE vt_agreement (
  seq BIGINT PRIMARY KEY,
  body ${text} NOT NULL
);

CREATE TABLE vt_attachment (
  seq BIGINT PRIMARY KEY,
  id VARCHAR(64) NOT NULL UNIQUE,
  dossier_id VARCHAR(64) NOT NULL,
  size BIGINT NOT NULL
);
-- contents in chunks of at most 256 KiB: streamed in and out, never whole in memory
CREATE TABLE vt_attachment_chunk (
  attachment_seq BIGINT NOT NULL,
  n INTEGER NOT NULL,
  bytes ${binary} NOT NULL,
  PRIMARY KEY (attachment_seq, n)
);
