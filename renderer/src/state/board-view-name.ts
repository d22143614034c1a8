/** The board's views (tabs); the last two are the unit leader's. */
export type BoardViewName = 'overview' | 'tasks' | 'pathways' | 'capacity' | 'handover' | 'audit' | 'settings';
