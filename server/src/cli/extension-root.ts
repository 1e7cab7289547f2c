import * as fs from 'fs';
import * as path from 'path';

/**
 * The extension's root (the folder of its package.json): the CLI runs bundled from
 * `server/out/cli.js`, and from `server/src/cli/` in tests, at different depths.
 */
export const EXTENSION_ROOT = findRoot(__dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..');
  }
}
