import type { PlanKind } from '../base/types';

export type KpiUnit = 'count' | 'percent' | 'currency' | 'days' | 'ratio' | 'score';
export type Direction = 'increase' | 'decrease';

export interface CatalogKpi {
  id: string;
  name: string;
  unit: KpiUnit;
  direction: Direction;
  formula: string;
  /** Which template the KPI belongs to; `general` fits both. */
  template: PlanKind | 'general';
  /** Essential KPIs are the ones `kpi/recommended` looks for. */
  essential: boolean;
}

/** The KPI catalog of the guide (domain.md), as data. */
export const KPI_CATALOG: readonly CatalogKpi[] = [
  { id: 'revenue', name: 'Revenue', unit: 'currency', direction: 'increase', formula: 'total revenue from sales', template: 'sales', essential: true },
  { id: 'sales-growth-rate', name: 'Sales growth rate', unit: 'percent', direction: 'increase', formula: '(this period − last) / last', template: 'sales', essential: false },
  { id: 'conversion-rate', name: 'Lead-to-customer conversion rate', unit: 'percent', direction: 'increase', formula: 'customers won / leads', template: 'sales', essential: true },
  { id: 'average-deal-size', name: 'Average deal size', unit: 'currency', direction: 'increase', formula: 'revenue / deals won', template: 'sales', essential: true },
  { id: 'customer-acquisition-cost', name: 'Customer acquisition cost (CAC)', unit: 'currency', direction: 'decrease', formula: '(sales + marketing spend) / new customers', template: 'sales', essential: true },
  { id: 'sales-cycle-length', name: 'Sales cycle length', unit: 'days', direction: 'decrease', formula: 'mean days from first contact to close', template: 'sales', essential: false },
  { id: 'customer-lifetime-value', name: 'Customer lifetime value (CLV)', unit: 'currency', direction: 'increase', formula: 'revenue expected from one customer over the relationship', template: 'sales', essential: false },
  { id: 'win-rate', name: 'Win rate', unit: 'percent', direction: 'increase', formula: 'opportunities won / opportunities closed', template: 'sales', essential: true },
  { id: 'churn-rate', name: 'Churn rate', unit: 'percent', direction: 'decrease', formula: 'customers lost / customers at start of period', template: 'sales', essential: false },
  { id: 'revenue-per-account', name: 'Monthly revenue per account', unit: 'currency', direction: 'increase', formula: 'recurring revenue in a month / paying accounts', template: 'sales', essential: false },
  { id: 'gross-margin', name: 'Gross margin', unit: 'percent', direction: 'increase', formula: '(revenue − cost of goods sold) / revenue', template: 'general', essential: false },
  { id: 'upsell-rate', name: 'Upsell and cross-sell rate', unit: 'percent', direction: 'increase', formula: 'existing customers buying more / existing customers', template: 'sales', essential: false },
  { id: 'leads', name: 'Leads generated', unit: 'count', direction: 'increase', formula: 'new leads acquired', template: 'marketing', essential: true },
  { id: 'website-traffic', name: 'Website traffic', unit: 'count', direction: 'increase', formula: 'visitors', template: 'marketing', essential: false },
  { id: 'marketing-conversion-rate', name: 'Website conversion rate', unit: 'percent', direction: 'increase', formula: 'visitors completing the wanted action / visitors', template: 'marketing', essential: true },
  { id: 'click-through-rate', name: 'Click-through rate (CTR)', unit: 'percent', direction: 'increase', formula: 'clicks / impressions', template: 'marketing', essential: false },
  { id: 'cost-per-lead', name: 'Cost per lead (CPL)', unit: 'currency', direction: 'decrease', formula: 'spend / leads', template: 'marketing', essential: true },
  { id: 'social-engagement', name: 'Social engagement', unit: 'count', direction: 'increase', formula: 'likes, shares, comments, other interactions', template: 'marketing', essential: false },
  { id: 'email-open-rate', name: 'Email open rate', unit: 'percent', direction: 'increase', formula: 'opened / delivered', template: 'marketing', essential: false },
  { id: 'email-click-rate', name: 'Email click rate', unit: 'percent', direction: 'increase', formula: 'clicked / delivered', template: 'marketing', essential: false },
  { id: 'content-engagement', name: 'Content engagement', unit: 'count', direction: 'increase', formula: 'interactions with posts, videos, other content', template: 'marketing', essential: false },
  { id: 'brand-awareness', name: 'Brand awareness', unit: 'score', direction: 'increase', formula: 'surveys, social mentions, search volume', template: 'marketing', essential: false },
  { id: 'marketing-roi', name: 'Marketing ROI', unit: 'ratio', direction: 'increase', formula: '(net profit from campaigns − cost) / cost', template: 'marketing', essential: true },
  { id: 'csat', name: 'Customer satisfaction (CSAT)', unit: 'score', direction: 'increase', formula: 'survey score', template: 'general', essential: false },
  { id: 'nps', name: 'Net Promoter Score (NPS)', unit: 'score', direction: 'increase', formula: '% promoters − % detractors', template: 'general', essential: false },
  { id: 'market-share', name: 'Market share', unit: 'percent', direction: 'increase', formula: 'company sales / total market', template: 'general', essential: false },
  { id: 'brand-equity', name: 'Brand equity', unit: 'score', direction: 'increase', formula: 'perceived value and strength of the brand', template: 'general', essential: false },
  { id: 'retention-rate', name: 'Customer retention rate', unit: 'percent', direction: 'increase', formula: 'customers kept over a period', template: 'general', essential: false },
];

const BY_ID = new Map(KPI_CATALOG.map((kpi) => [kpi.id, kpi]));

export function catalogKpi(id: unknown): CatalogKpi | undefined {
  return typeof id === 'string' ? BY_ID.get(id) : undefined;
}

export function essentialKpis(kind: PlanKind): CatalogKpi[] {
  return KPI_CATALOG.filter((kpi) => kpi.essential && kpi.template === kind);
}
