// Bundles the client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import path from 'path';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  logLevel: 'warning',
  legalComments: 'none',
  // ES modules bundled into CommonJS still ask for their own URL (fdir's createRequire).
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * The web worker build of the language server and the browser's client (VS Code for the Web):
 * no Node.js. The server's Node.js-only code is in server/src/node/, which these never import;
 * `path` is replaced by a POSIX subset, and the LSP server library's Node.js entry by its browser one
 * (the server's features import their types and enums from `vscode-languageserver/node`).
 */
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  logLevel: 'warning',
  legalComments: 'none',
  alias: { path: './server/src/browser/path.ts' },
  plugins: [{
    name: 'lsp-browser-entries',
    setup(build) {
      build.onResolve({ filter: /^vscode-languageserver\/node$/ }, (args) => build.resolve(args.path.replace(/\/node$/, '/browser'), { kind: args.kind, resolveDir: args.resolveDir }));
      // csv-parse's own build for browsers carries the Buffer it needs (a web worker has none).
      build.onResolve({ filter: /^csv-parse\/sync$/ }, () => ({ path: path.resolve('node_modules/csv-parse/dist/esm/sync.js') }));
    },
  }],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'server/out/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
  // The end-to-end suite, mocha included, for VS Code's extension host (test/e2e/index.ts).
  build({ ...common, entryPoints: ['test/e2e/index.ts'], outfile: 'out/test/e2e/index.js', external: ['vscode'], minify: false, logOverride: { 'require-resolve-not-external': 'silent' } }),
  // VS Code for the Web loads the client as CommonJS (`exports.activate`) in its web worker extension host.
  build({ ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'client/out/browser.js', format: 'cjs', external: ['vscode'] }),
  // The client starts it with `new Worker(…)`.
  build({ ...browser, entryPoints: ['server/src/browser/server.ts'], outfile: 'server/out/browser.js', format: 'iife' }),
  // The checks in VS Code's web worker extension host (test/web/index.ts, scripts/e2e/web.mjs).
  build({ ...browser, entryPoints: ['test/web/index.ts'], outfile: 'out/test/web/index.js', format: 'cjs', external: ['vscode'], minify: false }),
  // The preview's script runs in the webview: a browser bundle of its own, no Node.js banner.
  build({ entryPoints: ['client/media/preview.ts'], outfile: 'client/media/preview.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: !watch, sourcemap: watch ? 'inline' : false, logLevel: 'warning', legalComments: 'none' }),
]);
