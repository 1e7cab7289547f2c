// Bundles the client, the language server and the CLI with esbuild.
import { build } from 'esbuild';

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

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/out/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'server/out/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
  // The end-to-end suite, mocha included, for VS Code's extension host (test/e2e/index.ts).
  build({ ...common, entryPoints: ['test/e2e/index.ts'], outfile: 'out/test/e2e/index.js', external: ['vscode'], minify: false, logOverride: { 'require-resolve-not-external': 'silent' } }),
  // The preview's script runs in the webview: a browser bundle of its own, no Node.js banner.
  build({ entryPoints: ['client/media/preview.ts'], outfile: 'client/media/preview.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: !watch, sourcemap: watch ? 'inline' : false, logLevel: 'warning', legalComments: 'none' }),
]);
