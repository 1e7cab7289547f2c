import * as assert from 'assert';
import { parse } from 'yaml';
import { EXPECTED_SECTIONS } from '../../server/src/core/model/templates';
import { renderText } from '../../server/src/core/render';
import { createPlanService } from '../../server/src/core/workspace/service';
import { COMMON_CURRENCIES, isCurrency, isDate, newPlan, newPlanFileName, NEW_PLAN_PROMPTS, periodEnd, yearStart, type NewPlanOptions } from '../../shared/new-plan';

const TEMPLATES = ['marketing', 'sales'] as const;
const LANGUAGES = ['en', 'ro'] as const;
/** The periods the command offers: this year, next year, and custom starts (a leap day among them). */
const STARTS = [yearStart(new Date()), yearStart(new Date(), true), '2026-04-15', '2026-12-01', '2028-02-29'];
const CURRENCIES = [...COMMON_CURRENCIES, 'CHF'];

/** The warnings a new plan has on purpose: the numbers only its author knows. */
const GUIDING = ['kpi/incomplete', 'smart/measurable'];

function checked(options: NewPlanOptions, editorLocale = 'en') {
  const text = newPlan(options);
  const service = createPlanService({ readFile: () => undefined });
  const filePath = `/work/plans/${newPlanFileName(options)}`;
  return { ...service.check(text, filePath, { editorLocale }), text, rendered: renderText(service, text, filePath, { editorLocale }) };
}

describe('Plan: New Plan…', () => {
  it('gives, for every template, language, currency and period, a plan with no errors whose only warnings say what to fill in, each with a quick fix', () => {
    let plans = 0;
    for (const template of TEMPLATES) {
      for (const language of LANGUAGES) {
        for (const currency of CURRENCIES) {
          for (const start of STARTS) {
            const options = { template, language, name: 'Someș Coffee Roasters', currency, start };
            const { findings, locale, rendered } = checked(options);
            const label = JSON.stringify(options);
            assert.deepStrictEqual(findings.filter((finding) => finding.severity === 'error'), [], label);
            assert.deepStrictEqual(findings.map((finding) => `${finding.severity} ${finding.ruleId}`).sort(), GUIDING.map((id) => `warning ${id}`), label);
            for (const finding of findings) assert.ok(finding.fixes && finding.fixes.length > 0, `${finding.ruleId} has a quick fix: ${label}`);
            assert.strictEqual(locale, language, label);
            assert.ok(rendered.ok, label);
            plans += 1;
          }
        }
      }
    }
    assert.strictEqual(plans, TEMPLATES.length * LANGUAGES.length * CURRENCIES.length * STARTS.length);
  });

  it('writes every section of the template, the answers, and a period of one year', () => {
    for (const template of TEMPLATES) {
      for (const language of LANGUAGES) {
        const data = parse(newPlan({ template, language, name: 'Brightloom', currency: 'RON', start: '2026-04-15' }));
        for (const section of [...EXPECTED_SECTIONS[template], 'kpis', 'objectives']) assert.ok(section in data, `${template}/${language}: ${section}`);
        assert.strictEqual(data.kind, template);
        assert.strictEqual(data.language, language);
        assert.strictEqual(data.currency, 'RON');
        assert.deepStrictEqual(data.period, { start: '2026-04-15', end: '2027-04-14' });
        assert.match(data.title, /^Brightloom — /);
        assert.match(data.title, /2026–2027$/);
      }
    }
    const calendarYear = parse(newPlan({ template: 'sales', language: 'en', name: 'Brightloom', currency: 'EUR', start: '2027-01-01' }));
    assert.strictEqual(calendarYear.title, 'Brightloom — sales plan 2027');
    assert.deepStrictEqual(calendarYear.forecast.projections.map((projection: { period: string }) => projection.period), ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });

  it('writes a Romanian plan in Romanian, with Romanian messages', () => {
    for (const template of TEMPLATES) {
      const { text, findings } = checked({ template, language: 'ro', name: 'Brightloom', currency: 'RON', start: '2026-01-01' }, 'en-US');
      const english = checked({ template, language: 'en', name: 'Brightloom', currency: 'RON', start: '2026-01-01' }).text;
      const data = parse(text);
      assert.match(data.title, template === 'marketing' ? /plan de marketing 2026$/ : /plan de vânzări 2026$/);
      assert.match(data.summary, /Ce va/);
      // No English example text is left in the Romanian plan: the values differ, apart from codes and names.
      const values = (source: string) => new Set(source.split('\n').filter((line) => !line.startsWith('#')).map((line) => line.replace(/^[\s-]*[\w]+:\s*/, '').trim()));
      const shared = [...values(text)].filter((value) => values(english).has(value) && /[a-z]{4,} [a-z]{4,}/i.test(value) && value !== 'SPIN selling');
      assert.deepStrictEqual(shared, [], template);
      assert.match(findings.find((finding) => finding.ruleId === 'smart/measurable')!.message, /nu este măsurabil/);
    }
  });

  it('quotes a company name that YAML would misread, and keeps it (on one line)', () => {
    for (const name of ['Acme: "Best" #1', 'true', '- Dash & Co', "O'Brien's", 'Ștefan & Fiii', '[Brackets]', 'Multi\nline', 'Emoji 🚀 Ltd', 'Tab\there', 'Line\u2028separator']) {
      const options: NewPlanOptions = { template: 'marketing', language: 'en', name, currency: 'EUR', start: '2026-01-01' };
      const { text, findings } = checked(options);
      assert.strictEqual(parse(text).title, `${name.replace(/\s+/gu, ' ')} — marketing plan 2026`, name);
      assert.deepStrictEqual(findings.filter((finding) => finding.severity === 'error'), [], name);
    }
  });

  it('names the file after the company, the template and the year', () => {
    const base: NewPlanOptions = { template: 'marketing', language: 'en', name: 'Someș Coffee Roasters', currency: 'EUR', start: '2026-04-01' };
    assert.strictEqual(newPlanFileName(base), 'somes-coffee-roasters-marketing-2026.plan.yaml');
    assert.strictEqual(newPlanFileName({ ...base, template: 'sales', language: 'ro', name: 'Țesături Mureș SRL' }), 'tesaturi-mures-srl-plan-vanzari-2026.plan.yaml');
    assert.strictEqual(newPlanFileName({ ...base, name: '!!!' }), 'marketing-2026.plan.yaml');
    assert.match(newPlanFileName({ ...base, name: 'x'.repeat(200) }), /^x{40}-marketing-2026\.plan\.yaml$/);
  });

  it('validates the answers the command asks for', () => {
    assert.ok(['EUR', 'RON', 'USD', 'GBP', 'CHF', 'JPY'].every(isCurrency));
    assert.ok(!['eur', 'EURO', 'XYZ', ''].some(isCurrency));
    assert.ok(['2026-01-01', '2028-02-29'].every(isDate));
    assert.ok(!['2026-02-30', '2027-02-29', '2026-1-1', '01-01-2026', ''].some(isDate));
    assert.strictEqual(periodEnd('2026-01-01'), '2026-12-31');
    assert.strictEqual(periodEnd('2028-02-29'), '2029-02-28');
    assert.strictEqual(yearStart(new Date(2026, 5, 15)), '2026-01-01');
    assert.strictEqual(yearStart(new Date(2026, 11, 31), true), '2027-01-01');
  });

  it('asks its questions in both languages alike', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'function' ? 'function' : Array.isArray(value) ? value.map(shape) : typeof value === 'object' && value ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)])) : typeof value;
    assert.deepStrictEqual(shape(NEW_PLAN_PROMPTS.ro), shape(NEW_PLAN_PROMPTS.en));
  });
});
