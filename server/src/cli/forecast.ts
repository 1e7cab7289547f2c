/**
 * `plan-as-code forecast FILE [--format table|json] [--method linear|seasonal|auto] [--today YYYY-MM-DD]`:
 * the plan's revenue forecast, as the checker makes it (docs/forecast.md): the model fitted to
 * `forecast.history`, every period of the plan with its 80 % and 95 % prediction bands, the
 * plan period's total, and where the revenue target sits in the band.
 *
 * The forecast is the one of the plan's figures (`snapshot.figures.forecast`); only a `--method`
 * other than the plan's makes another, with the same engine and inputs.
 *
 * Exit status 0 when the forecast is shown; 2 with one line on stderr when it cannot be made (bad
 * options, a plan that cannot be read, no usable history: the line says what is missing).
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { formatMessage, formatPeriod, plainText, type MessageId } from '../core/base/messages';
import { forecast, targetPosition, type ForecastFailure, type ForecastMethod, type ForecastOutcome, type ForecastPoint, type ForecastResult, type LinearModel, type SeasonalModel, type TargetPosition } from '../core/analysis/forecast';
import { forecastInput, statedTarget } from '../core/analysis/figures';
import { missingPeriods } from '../core/rules/forecast-periods';
import { asRecord, asString } from '../core/model/model';
import { createPlanService, type CheckedPlan } from '../core/workspace/service';
import type { Locale } from '../core/base/types';
import { LineIndex } from '../core/base/text';
import { readForCore, readTextFile } from '../node/files';
import { cliText, notReadReason, terminalLocale } from './messages';
import { todayOption } from '../node/clock';

export const FORECAST_USAGE = 'plan-as-code forecast FILE [--format table|json] [--method linear|seasonal|auto] [--today YYYY-MM-DD]';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The `--format json` output: a contract (docs/forecast.md). */
export interface ForecastJson {
  method: 'linear' | 'seasonal';
  granularity: ForecastResult['granularity'];
  model: LinearModel | SeasonalModel;
  fit: ForecastResult['fit'];
  points: ForecastPoint[];
  total: ForecastPoint;
  /** The plan's revenue target and its position in the total's band; null without one. */
  target: { revenue: number; position: TargetPosition } | null;
  /** With `auto` only: the AICc of each model (null when it could not be fitted) and the one chosen. */
  selection?: ForecastResult['selection'];
}

/** A problem with the command's input, told in one line. */
class InputError extends Error {}

export function forecastCommand(argv: string[], io: Io, cwd = process.cwd()): number {
  try {
    return runForecast(argv, io, cwd);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`plan-as-code: ${error.message}\n`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`plan-as-code: ${(error as Error).message}\n\nUsage: ${FORECAST_USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function runForecast(argv: string[], io: Io, cwd: string): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      method: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(`${cliText(terminalLocale(), 'forecast.help', { forecastUsage: FORECAST_USAGE })}\n`);
    return 0;
  }
  const format = values.format;
  if (format !== 'table' && format !== 'json') throw new InputError(`unknown format "${format}": use table or json`);
  const method = values.method;
  if (method !== undefined && method !== 'linear' && method !== 'seasonal' && method !== 'auto') throw new InputError(`unknown method "${method}": use linear, seasonal or auto`);
  const today = todayOption(values.today);
  if ('error' in today) throw new InputError(today.error);
  if (positionals.length !== 1) throw new InputError(`forecast takes one plan file${positionals.length > 1 ? `, not ${positionals.length}` : ''}`);

  const file = positionals[0];
  const filePath = path.resolve(cwd, file);
  // Linked plans and the actuals stay in the folder the command runs in (or the plan's own), as with `check`.
  const service = createPlanService({
    rootOf: (target) => (path.relative(cwd, target).startsWith('..') ? undefined : cwd),
    readFile: readForCore,
  });
  const maxBytes = service.maxFileSize(filePath);
  const read = readTextFile(filePath, { maxBytes });
  if (!read.ok) throw new InputError(`${notReadReason(terminalLocale(), file, read, maxBytes)}.`);
  const editorLocale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  const plan = service.check(read.text, filePath, { editorLocale, today: today.today });
  const { locale } = plan;
  const say = (id: MessageId, params: Record<string, string | number> = {}) => plainText(formatMessage(locale, id, params));
  const fail = (message: string) => new InputError(`${file}: ${message}`);

  const syntax = plan.findings.find((finding) => finding.ruleId === 'yaml/syntax');
  if (syntax) throw fail(say('cli.forecast.syntax', { line: new LineIndex(plan.text).lineOf(syntax.start) + 1 }));
  const outcome = forecastOf(plan, method);
  if (!outcome) throw fail(say('cli.forecast.noPeriod'));
  if (!outcome.ok) throw fail(failure(outcome, plan, say));

  const revenue = statedTarget(plan.model, 'self', 'revenue');
  const json: ForecastJson = {
    method: outcome.method,
    granularity: outcome.granularity,
    model: outcome.model,
    fit: outcome.fit,
    points: outcome.points,
    total: outcome.total,
    target: revenue ? { revenue: revenue.value, position: targetPosition(revenue.value, outcome.total) } : null,
    ...(outcome.selection ? { selection: outcome.selection } : {}),
  };
  if (format === 'json') {
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const historyLength = forecastInput(plan.model)?.history.length ?? 0;
  const override = method !== undefined && overrides(plan, method) ? { planned: plan.figures.forecast?.method ?? 'linear', method } : undefined;
  io.stdout(table(json, { locale, say, title: asString(plan.model.data.title) ?? path.basename(file), currency: plan.figures.currency ?? '', historyLength, override }));
  return 0;
}

/**
 * The forecast of the plan's figures; with a `--method` other than the plan's, the same inputs
 * fitted with that method. Undefined when the plan has no period to forecast.
 */
function forecastOf(plan: CheckedPlan, method: ForecastMethod | undefined): ForecastOutcome | undefined {
  const own = plan.figures.forecast;
  if (own && !overrides(plan, method)) return own.outcome;
  const input = forecastInput(plan.model, method);
  if (input) return forecast(input.history, input.options);
  // No `forecast.history`: the engine says what is missing, as `forecast/history` would.
  const period = asRecord(plan.model.data.period);
  if (!plan.model.period || typeof period?.start !== 'string' || typeof period.end !== 'string') return undefined;
  const planned = asRecord(plan.model.data.forecast)?.method;
  const fallback: ForecastMethod = method ?? (planned === 'seasonal' ? 'seasonal' : planned === 'auto' || planned === 'manual' ? 'auto' : 'linear');
  return forecast([], { method: fallback, planStart: period.start, planEnd: period.end });
}

/** Whether `--method` asks for another model than the plan's (a plan with `manual` projections is compared with `auto`). */
function overrides(plan: CheckedPlan, method: ForecastMethod | undefined): boolean {
  const own = plan.figures.forecast?.method ?? 'linear';
  return method !== undefined && method !== own && !(own === 'manual' && method === 'auto');
}

const HISTORY_PROBLEMS: Record<string, MessageId> = {
  'mixed-granularity': 'forecast/periods.mixed',
  'duplicate-period': 'forecast/periods.duplicate',
  'out-of-order': 'forecast/periods.order',
  gap: 'forecast/periods.gap',
  'overlaps-plan': 'forecast/periods.inPlan',
  'invalid-revenue': 'forecast/history.revenue',
};

/** What keeps the forecast from being made, in the words of `forecast/history` and `forecast/periods`. */
function failure(outcome: ForecastFailure, plan: CheckedPlan, say: (id: MessageId, params?: Record<string, string | number>) => string): string {
  switch (outcome.reason) {
    case 'too-few-periods':
      return say('forecast/history.tooFew', { method: outcome.method, needed: outcome.needed, have: outcome.have });
    case 'no-seasonality':
      return say('forecast/history.yearly');
    case 'invalid-history': {
      const problem = outcome.problems[0];
      const row = asRecord(forecastInput(plan.model)?.history[problem.index]);
      const period = row?.period === undefined ? '' : String(row.period);
      const text = problem.code === 'unparseable-period'
        ? say('cli.forecast.badPeriod', { period })
        : say(HISTORY_PROBLEMS[problem.code], problem.code === 'gap' ? { missing: missingPeriods(problem.firstMissing, problem.period, problem.missing) } : {});
      return say('cli.forecast.row', { row: problem.index + 1, period, problem: text });
    }
    case 'too-many-periods':
      return say('cli.forecast.tooMany', { have: outcome.have, max: outcome.max });
    case 'horizon-too-long':
      return say('cli.forecast.horizon', { horizon: outcome.horizon, max: outcome.max });
    case 'numerical-failure':
      return say('cli.forecast.numerical', { method: outcome.method });
    default:
      return say('cli.forecast.noPeriod');
  }
}

interface TableContext {
  locale: Locale;
  say: (id: MessageId, params?: Record<string, string | number>) => string;
  title: string;
  currency: string;
  historyLength: number;
  override: { planned: string; method: string } | undefined;
}

/** The forecast as a terminal table, then the model, its fit and the target's position, in the plan's language. */
function table(json: ForecastJson, context: TableContext): string {
  const { locale, say, currency } = context;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const amount = (value: number) => whole.format(Math.round(value));
  const significant = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const twoDigits = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const oneDigit = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const orNa = (value: number | null, format: Intl.NumberFormat) => (value === null ? say('cli.forecast.notAvailable') : format.format(value));
  const row = (label: string, point: ForecastPoint) => [label, amount(point.forecast), `${amount(point.lower80)} – ${amount(point.upper80)}`, `${amount(point.lower95)} – ${amount(point.upper95)}`];
  const rows = [
    [say('cli.forecast.period'), say('cli.forecast.forecast'), say('cli.forecast.band80'), say('cli.forecast.band95')],
    ...json.points.map((point) => row(formatPeriod(locale, point.period), point)),
    row(say('cli.forecast.total', { period: formatPeriod(locale, json.total.period) }), json.total),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => [...cells[column]].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('   ').trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('───');

  const out = [say('cli.forecast.title', { title: context.title, currency }), '', line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1]), ''];
  const granularity = say(`cli.forecast.granularity.${json.granularity}` as MessageId);
  if (json.method === 'linear') {
    const model = json.model as LinearModel;
    out.push(say('cli.forecast.linear', { count: context.historyLength, granularity, intercept: twoDigits.format(model.intercept), slope: twoDigits.format(model.slope) }));
  } else {
    const model = json.model as SeasonalModel;
    out.push(say('cli.forecast.seasonal', { count: context.historyLength, granularity, alpha: significant.format(model.alpha), beta: significant.format(model.beta), gamma: significant.format(model.gamma) }));
  }
  if (json.selection) out.push(say('cli.forecast.auto', { linear: orNa(json.selection.aicc.linear, oneDigit), seasonal: orNa(json.selection.aicc.seasonal, oneDigit) }));
  if (context.override) out.push(say('cli.forecast.override', context.override));
  out.push(say('cli.forecast.fit', { mape: orNa(json.fit.mape, twoDigits), mase: orNa(json.fit.mase, twoDigits), sigma2: significant.format(json.fit.sigma2) }));
  if (!json.target) out.push(say('cli.forecast.target.none'));
  else {
    const { total } = json;
    out.push(say(`cli.forecast.target.${json.target.position}` as MessageId, { target: amount(json.target.revenue), currency, forecast: amount(total.forecast), upper80: amount(total.upper80), upper95: amount(total.upper95) }));
  }
  return `${out.join('\n')}\n`;
}
