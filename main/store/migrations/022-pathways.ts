/**
 * Migration 22: standardised service pathways. The read model of the unit's own templates and
 * their steps, of the pathways under way and of what was recorded of their steps
 * (shared/domain/schema.ts, docs/pathways.md).
 */
export default `
CREATE TABLE pathwayTemplate (id TEXT PRIMARY KEY, unit TEXT, name TEXT, trigger TEXT, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE pathwayTemplateStep (
  id TEXT PRIMARY KEY, unit TEXT, template TEXT, title TEXT, offset TEXT, days TEXT, role TEXT,
  completes TEXT, completesWith TEXT, sort INTEGER, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pathway (
  id TEXT PRIMARY KEY, unit TEXT, stay TEXT, template TEXT, startedAt TEXT, startedBy TEXT, trigger TEXT,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pathwayStep (
  id TEXT PRIMARY KEY, unit TEXT, pathway TEXT, step TEXT, doneAt TEXT, doneBy TEXT, skippedAt TEXT,
  skippedBy TEXT, skipReason TEXT, deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pathwayTemplate_unit ON pathwayTemplate(unit);
CREATE INDEX pathwayTemplateStep_template ON pathwayTemplateStep(template);
CREATE INDEX pathway_unit ON pathway(unit);
CREATE INDEX pathway_stay ON pathway(stay);
CREATE INDEX pathwayStep_pathway ON pathwayStep(pathway);
`;
