import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generatedCase, goalsForLines } from '../../bench/cases';
import { placesOf } from '../../bench/places';
import { ROOT } from '../helpers';

describe("the benchmark's cases", () => {
  it("generate the harness's plan of issue 14 byte for byte, and plans of other sizes like it", () => {
    const harness = fs.readFileSync(path.join(ROOT, 'bench/cases/generated-2000.plan.yaml'), 'utf8');
    assert.strictEqual(generatedCase(97), harness);
    const lines = generatedCase(goalsForLines(20000)).split('\n').length - 1;
    assert.ok(Math.abs(lines - 20000) < 100, `${lines} lines`);
  });

  it("type at the harness's place (line 985) among others", () => {
    const harness = fs.readFileSync(path.join(ROOT, 'bench/cases/generated-2000.plan.yaml'), 'utf8');
    const places = placesOf(harness);
    assert.strictEqual(places[0].line + 1, 985);
    assert.ok(places.length >= 8);
    for (const text of [harness, generatedCase(goalsForLines(20000))]) {
      const lines = text.split('\n');
      for (const place of placesOf(text)) assert.ok(place.line < lines.length && (place.column === 'end' || place.column <= lines[place.line].length), place.name);
    }
  });
});
