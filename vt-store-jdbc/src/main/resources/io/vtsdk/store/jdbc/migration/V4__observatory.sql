-- vt-store-jdbc schema, version 4 (docs/storage.md): since issue 22 the observatory's TUV divides VT's Prado dossiers
-- by the adhesions recorded in the Assurance Maladie's OMV, which VT does not record itself: a test server imports
-- them (POST /__admin/observatory/omv). One row per adhesion, the record as JSON, in import order.
CREATE TABLE vt_omv (
  seq BIGINT PRIMARY KEY,
  body ${text} NOT NULL
);
