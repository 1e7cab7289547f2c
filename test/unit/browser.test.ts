/**
 * What the browser build (VS Code for the Web) puts in place of Node.js: the POSIX `path` subset
 * that stands for `path` there, the names the web worker gives documents, and the hash of the
 * exported page's stylesheet, each against what Node.js gives.
 */
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import * as browserPath from '../../server/src/browser/path';
import { pathOfUri, uriOfPath } from '../../server/src/browser/host';
import { sha256Base64 } from '../../server/src/core/render/sha256';
import { MEDIA } from '../../server/src/core/render/page';
import { ROOT } from '../helpers';

const segment = fc.constantFrom('a', 'b', '..', '.', '', 'q1.plan.yaml', '.yaml', 'vscode-vfs:github', ' x', 'ă');
const relativePath = fc.array(segment, { maxLength: 6 }).map((segments) => segments.join('/'));
const absolutePath = relativePath.map((value) => `/${value}`);
const anyPath = fc.oneof(relativePath, absolutePath);

describe('browser build', () => {
  describe('path (POSIX subset)', () => {
    it('gives what path.posix gives', () => {
      fc.assert(
        fc.property(anyPath, absolutePath, fc.array(anyPath, { maxLength: 3 }), (value, absolute, more) => {
          assert.strictEqual(browserPath.normalize(value), path.posix.normalize(value));
          assert.strictEqual(browserPath.dirname(value), path.posix.dirname(value));
          assert.strictEqual(browserPath.basename(value), path.posix.basename(value));
          assert.strictEqual(browserPath.basename(value, '.yaml'), path.posix.basename(value, '.yaml'));
          assert.strictEqual(browserPath.isAbsolute(value), path.posix.isAbsolute(value));
          assert.strictEqual(browserPath.join(value, ...more), path.posix.join(value, ...more));
          assert.strictEqual(browserPath.resolve(absolute, value, ...more), path.posix.resolve(absolute, value, ...more));
          if (path.posix.isAbsolute(value)) assert.strictEqual(browserPath.relative(absolute, value), path.posix.relative(absolute, value));
        }),
        { numRuns: 2000 },
      );
      // Node.js's corner cases of a suffix: the path of slashes only, the suffix alone.
      for (const value of ['/////', '//////', '.yaml', '/.yaml', 'a/.yaml']) assert.strictEqual(browserPath.basename(value, '.yaml'), path.posix.basename(value, '.yaml'), value);
      assert.strictEqual(browserPath.sep, path.posix.sep);
    });
  });

  describe('names of documents in the web worker', () => {
    it('names a document in a repository by scheme, authority and path', () => {
      assert.strictEqual(pathOfUri('vscode-vfs://github/acme/plans/q1.plan.yaml'), '/vscode-vfs:github/acme/plans/q1.plan.yaml');
      assert.strictEqual(pathOfUri('vscode-vfs://github/acme/plans/'), '/vscode-vfs:github/acme/plans');
      assert.strictEqual(pathOfUri('vscode-test-web://mount'), '/vscode-test-web:mount');
      assert.strictEqual(pathOfUri('file:///home/ana/Q%201.plan.yaml'), '/file:/home/ana/Q 1.plan.yaml');
      assert.strictEqual(pathOfUri('vscode-remote://127.0.0.1:8080/w/a.plan.yaml'), '/vscode-remote:127.0.0.1:8080/w/a.plan.yaml');
      assert.strictEqual(pathOfUri('untitled:Untitled-1'), undefined, 'an untitled plan has no folder');
    });

    it('finds the URI of a name again, and of a plan linked from it', () => {
      for (const uri of ['vscode-vfs://github/acme/plans/q1.plan.yaml', 'file:///home/ana/Q%201.plan.yaml', 'vscode-remote://127.0.0.1:8080/w/%C8%99.plan.yaml']) {
        assert.strictEqual(uriOfPath(pathOfUri(uri)!), uri);
      }
      const linked = path.posix.resolve(path.posix.dirname(pathOfUri('vscode-vfs://github/acme/plans/q1.plan.yaml')!), '../sales/q1 sales.plan.yaml');
      assert.strictEqual(uriOfPath(linked), 'vscode-vfs://github/acme/sales/q1%20sales.plan.yaml');
      // A link cannot climb out of the repository's name: `..` stops at the root, as on a disk.
      assert.strictEqual(path.posix.relative('/vscode-vfs:github/acme', path.posix.resolve('/vscode-vfs:github/acme/plans', '../../../x.plan.yaml')).startsWith('..'), true);
    });
  });

  describe('SHA-256 of the exported stylesheet', () => {
    it('is the one Node.js computes', () => {
      const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
      const css = fs.readFileSync(path.join(ROOT, MEDIA.style), 'utf8');
      assert.strictEqual(sha256Base64(css), digest(css));
      for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'ăîșț ✓ 😀'.repeat(50)]) assert.strictEqual(sha256Base64(text), digest(text));
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => sha256Base64(text) === digest(text)), { numRuns: 500 });
    });
  });
});
