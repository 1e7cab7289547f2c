/**
 * The layers of the plan core, lowest first: a layer imports only itself and the layers below
 * it (ARCHITECTURE.md). The edges (LSP server, CLI) import the core; the client imports only
 * the shared surface; nothing imports the edges.
 */
const LAYERS = ['base', 'parse', 'model', 'analysis', 'rules', 'check', 'workspace', 'features', 'render'];
const CORE = '^server/src/core/';

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer}`,
  comment: `${layer}/ imports only ${LAYERS.slice(0, index + 1).join(', ')}`,
  severity: 'error',
  from: { path: `${CORE}${layer}/` },
  to: { path: `${CORE}(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycles',
      comment: 'No import cycle, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'The plan core imports nothing from VS Code, the LSP libraries or the file system.',
      severity: 'error',
      from: { path: CORE },
      to: { path: '^(vscode|vscode-languageserver|vscode-languageserver-textdocument|vscode-languageclient|vscode-jsonrpc|fs|node:fs|fs/promises|child_process|node:child_process)$|node_modules/(vscode-languageserver|vscode-languageclient|vscode-jsonrpc)', dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'unknown', 'undetermined'] },
    },
    {
      name: 'server-is-host-neutral',
      comment: 'The language server (server/src/lsp/) and the core run in Node.js and in a web worker: only the hosts, server/src/node/ and server/src/browser/, know where. Of Node.js they may use `path`, which the browser build replaces.',
      severity: 'error',
      from: { path: `^server/src/(lsp|browser)/|${CORE}`, pathNot: '^server/src/lsp/server\\.ts$' },
      to: { dependencyTypes: ['core'], pathNot: '^path$' },
    },
    {
      name: 'browser-build-is-node-free',
      comment: 'The web worker build (server/src/browser/ and the language server it shares, server/src/lsp/) never reaches the Node.js host; only the Node.js entry point does.',
      severity: 'error',
      from: { path: '^server/src/(browser|lsp)/', pathNot: '^server/src/lsp/server\\.ts$' },
      to: { path: '^server/src/node/' },
    },
    {
      name: 'core-files-are-in-layers',
      comment: 'Every file of the core lives in one of the layers.',
      severity: 'error',
      from: { path: CORE, pathNot: `${CORE}(${LAYERS.join('|')})/` },
      to: {},
    },
    {
      name: 'client-imports-shared-only',
      comment: 'The client reaches the server only through the shared surface (protocol, commands, preview page).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'edges-are-leaves',
      comment: 'Nothing in the core or the shared surface imports the LSP server, the CLI or their Node.js modules (server/src/node/: the file reader).',
      severity: 'error',
      from: { path: `^(${CORE.slice(1)}|shared/)` },
      to: { path: '^server/src/(lsp|cli|node)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(out|node_modules)/' },
  },
};
