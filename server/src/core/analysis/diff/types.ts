/**
 * The semantic diff of plans: what changed between two versions of a plan, by meaning (items
 * matched by id, numbers with their change, dates with their shift), never by text.
 *
 * Everything here is plain data, serialisable as JSON: `plan-as-code diff --format json` prints
 * a `DiffReport` with a localised `summary` added to each plan (see docs/diff.md). The shape is
 * versioned by `DiffReport.version`; fields are only ever added within a version.
 */

/** A value as the plan holds it (YAML gives plain data). */
export type DiffValue = string | number | boolean | null | DiffValue[] | { [key: string]: DiffValue };

/** What a number measures, for formatting: money in the plan's currency, or a percentage. */
export type NumberUnit = 'currency' | 'percent';

/** One field that changed inside an item, or inside a section that is a mapping (`mix`, `budget`, the header). */
export interface FieldChange {
  /** Path of the field inside its item or section, e.g. `["target"]`, `["idealCustomer", "region"]`, `["period", "end"]`. */
  field: string[];
  /** `added`: the field was absent (or empty) before; `removed`: it is absent (or empty) now. */
  kind: 'added' | 'removed' | 'changed';
  /**
   * How the values compare: `number` (both numbers: `delta`, `percent`), `date` (both
   * `YYYY-MM-DD`: `days`), `text` (strings differing beyond white space), `list` (lists of
   * plain values, compared as sets: `added`, `removed`), `value` (anything else, e.g. a type change).
   */
  type: 'number' | 'date' | 'text' | 'list' | 'value';
  before?: DiffValue;
  after?: DiffValue;
  /** For numbers: what they measure, when known. */
  unit?: NumberUnit;
  /** For numbers: after − before. */
  delta?: number;
  /** For numbers: the change in percent of `before` (absent when `before` is 0). */
  percent?: number;
  /** For dates: the shift in days (positive: later). */
  days?: number;
  /** For lists: the values that appeared and disappeared (order is ignored). */
  added?: DiffValue[];
  removed?: DiffValue[];
}

/** A change to one item of a list (a goal, an allocation, a forecast row...) or to a section itself. */
export interface ItemChange {
  /**
   * The top-level section: `header` (kind, title, owner, period, currency, language,
   * alignsWith, status, version, actuals), `summary`, or the plan's key (`goals`, `budget`,
   * `forecast`, `market`...).
   */
  section: string;
  /** For a list nested in the section: its key (`allocations`, `history`, `projections`, `competitors`, `messages`, `items`). */
  list?: string;
  /**
   * `added`/`removed`: the item (or, without `key`, the whole section) appeared or disappeared;
   * `changed`: `fields` lists what changed; `renamed`: the id changed (and `fields`, possibly
   * empty, what else did).
   */
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  /**
   * What identifies the item: its `id`; an allocation's `channel`; a forecast row's `period`;
   * a competitor's or tactic's `name`; a message's `persona`; a content item's `topic` (else
   * `type`); an approval's `by` and `date`. A key met twice in a list gets `#2`, `#3`... Absent
   * for the section's own fields.
   */
  key?: string;
  /** For `renamed`: the previous id. */
  previousKey?: string;
  /** The item's name, statement or role (the newer one), for people to recognise it. */
  label?: string;
  /** For a goal: the KPI it measures (its first), with the KPI's name, so that "Revenue target +9.8 %" can be said. */
  kpi?: { id: string; name?: string };
  /** JSON path of the item in the newer plan (in the older one when removed). */
  path: (string | number)[];
  fields: FieldChange[];
}

/** Money moved from one allocation to another with the budget total unchanged. */
export interface BudgetMove {
  /** Channel ids. */
  from: string;
  to: string;
  amount: number;
  /** The channels' names, when the plan defines them. */
  fromName?: string;
  toName?: string;
}

/** The budget's total and its allocations, compared (present when either changed). */
export interface BudgetChange {
  currency?: string;
  /** `budget.total` (else the sum of the allocations), as given by the caller's figures when it passed them. */
  before?: number;
  after?: number;
  delta?: number;
  percent?: number;
  /** What the allocations add up to on each side. */
  allocatedBefore?: number;
  allocatedAfter?: number;
  /** With the total and the allocated sum unchanged: where the money went, largest first. */
  moves: BudgetMove[];
}

/**
 * Figures derived from a plan by other parts of Plan as Code, computed by the caller for each
 * side and compared by the diff. All optional: what is not passed is not compared, except the
 * budget, which the diff reads from the plan itself when `budgetTotal`/`budgetByChannel` are absent.
 */
export interface DerivedFigures {
  /** Goals that pass all five SMART letters, of all goals. */
  smart?: { passing: number; total: number };
  /** The budget total (default: `budget.total`, else the sum of the allocations). */
  budgetTotal?: number;
  /** Amount per channel id (default: the plan's allocations). */
  budgetByChannel?: Record<string, number>;
  /** Across aligned plans: how far leads × conversion × deal size falls short of the revenue target, in percent (0: covered). */
  funnelGapPercent?: number;
  /** Where the revenue target sits against the forecast, in words (e.g. `within the band`, `above the band`). */
  forecastPosition?: string;
  /** The customer-lifetime-value target over the customer-acquisition-cost target. */
  clvCac?: number;
}

export type FigureName = 'smart' | 'funnelGapPercent' | 'forecastPosition' | 'clvCac';

/** A derived figure that moved. */
export interface FigureChange {
  figure: FigureName;
  before?: number | string | { passing: number; total: number };
  after?: number | string | { passing: number; total: number };
}

/** One plan, compared. */
export interface PlanDiff {
  /** The plan's path (its newer path when renamed; its older one when removed). */
  file?: string;
  /** The plan's older path, when the file was renamed. */
  previousFile?: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  kind?: 'marketing' | 'sales';
  title?: string;
  /** The plan's currency (the newer one). */
  currency?: string;
  /**
   * The language to write this plan's diff in, which the renderers follow unless told
   * otherwise: the plan's `language` (the newer one); a caller may resolve it further (the CLI
   * also follows `.planrc.yaml` and the terminal's language).
   */
  language?: 'en' | 'ro';
  /** In section order: header, summary, then the template's sections, then any other keys. */
  changes: ItemChange[];
  budget?: BudgetChange;
  figures: FigureChange[];
}

/** Several plans compared at once (an aligned pair, or every plan a pull request touches). */
export interface DiffReport {
  format: 'plan-as-code/diff';
  version: 1;
  plans: PlanDiff[];
}

export interface DiffOptions {
  /** The plan's path, for the report. */
  file?: string;
  previousFile?: string;
  /** Derived figures of each side, computed by the caller (see `DerivedFigures`). */
  figures?: { before?: DerivedFigures; after?: DerivedFigures };
  /**
   * The unit of a KPI catalog metric (`revenue` → `currency`), for KPIs that give a `metric`
   * but no `unit`. Without it only a KPI's own `unit` says that its figures are money or percentages.
   */
  metricUnit?(metric: string): string | undefined;
}
