import type { PlanKind } from '../base/types';

/** The sections each template expects, in the template's order (`kpis` is `kpi/missing`'s). */
export const EXPECTED_SECTIONS: Record<PlanKind, readonly string[]> = {
  marketing: ['summary', 'market', 'personas', 'goals', 'positioning', 'strategies', 'mix', 'budget', 'calendar', 'channels', 'content', 'measurement'],
  sales: ['summary', 'goals', 'segments', 'offering', 'strategies', 'team', 'tactics', 'forecast', 'territories', 'training'],
};
