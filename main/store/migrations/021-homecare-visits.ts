/**
 * Migration 21: home care's day (issue 15). The read model of visits (the agreed window, route and
 * order, who, and what happened), indexed for one unit's day; and on a stay the key-box code and
 * access notes, personal fields a home-care board shows only to an unlocked screen.
 */
export default `
ALTER TABLE stay ADD COLUMN keyBox TEXT;
ALTER TABLE stay ADD COLUMN accessNote TEXT;

CREATE TABLE visit (
  id TEXT PRIMARY KEY, unit TEXT, stay TEXT, windowStart TEXT, windowEnd TEXT, title TEXT,
  template TEXT, series TEXT, staffCount INTEGER, route TEXT, routeOrder INTEGER, staff TEXT,
  startedAt TEXT, startedBy TEXT, completedAt TEXT, completedBy TEXT, outcome TEXT, note TEXT,
  createdAt TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visit_day ON visit(unit, windowStart);
`;
