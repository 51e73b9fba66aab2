-- vt-store-jdbc schema, version 3 (docs/storage.md): since issue 18 an open request is one VT's sweep must look at,
-- StoreTx.isOpen: SENT or READ, or a Handicap notification not yet terminal (its MDPH decision may expire). Rows
-- written before had open_flag = 0 for Handicap statuses other than SENT/READ: mark every Handicap row open once;
-- the next write of a row recomputes its flag, and the sweep ignores the terminal ones.
UPDATE vt_request SET open_flag = 1 WHERE open_flag = 0 AND body LIKE '%"module":"HANDICAP"%';
