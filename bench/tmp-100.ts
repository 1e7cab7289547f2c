import { createPlanService } from '../server/src/core/workspace/service';
import { generatedCase, goalsForLines } from './cases';
const text0 = generatedCase(goalsForLines(100000));
const service = createPlanService({ readFile: () => undefined });
const name = '/tmp/x.plan.yaml';
const opts = { today: '2026-07-15', settings: { maxFileSize: 200_000_000 } } as never;
let t = performance.now();
const r = service.check(text0, name, opts);
console.log('first', (performance.now() - t).toFixed(0), 'findings', r.findings.length, text0.length);
const at = text0.indexOf('\n', text0.indexOf('    statement:', text0.length / 2));
const times: number[] = [];
for (let k = 1; k <= 12; k++) {
  const text = text0.slice(0, at) + 'x'.repeat(k) + text0.slice(at);
  t = performance.now();
  service.check(text, name, opts);
  times.push(performance.now() - t);
}
console.log(times.map((x) => x.toFixed(0)).join(' '));
