/**
 * The collections each of main's reads draws on (taken from its SQL in main/): a change to any
 * other collection cannot alter what the read answers, so a screen showing it need not read again.
 * A read that starts drawing on another collection must be listed here too.
 */

import type { CommandName } from '../../../shared/api/contract.js';
import type { CollectionName } from '../../../shared/domain/schema.js';

const FLOW: readonly CollectionName[] = ['unit', 'bed', 'stay', 'transfer', 'capacity'];

export const READS = {
  'ward.state': ['unit', 'bed', 'stay', 'task', 'pathwayTemplate', 'pathwayTemplateStep', 'pathway', 'pathwayStep'],
  'flow.state': FLOW,
  'flow.allocation': FLOW,
  'capacity.view': ['unit', 'bed', 'stay', 'transfer', 'staffing', 'task'],
  'handover.view': ['bed', 'stay', 'task', 'transfer', 'handover'],
  'homecare.day': ['unit', 'stay', 'visit', 'staffing'],
  'pathway.list': ['unit', 'stay', 'task', 'pathwayTemplate', 'pathwayTemplateStep', 'pathway', 'pathwayStep'],
  'pathway.templates': ['unit', 'pathwayTemplate', 'pathwayTemplateStep'],
  'alarm.list': ['alarm', 'alarmAccept', 'stay', 'visit'],
  'episode.board': ['unit', 'bed', 'episode', 'episodeRound'],
  'episode.shared': ['episodeShare'],
  'encounter.list': ['unit', 'bed', 'encounter', 'encounterTriage', 'encounterPrivate'],
} as const satisfies Partial<Record<CommandName, readonly CollectionName[]>>;
