// What `npm run bench:activation` loads into VS Code's extension host in place of a test suite
// (`extensionTestsPath`): it opens a plan, which activates the extension, and logs on one
// tagged line when VS Code began compiling the extension's bundle and the times the extension
// noted itself (client/src/extension.ts), all in this host's `performance.now()`.
const Module = require('module');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'plan-as-code.plan-as-code';
const TAG = '[plan-activation] ';

exports.run = async function run() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  if (extension.isActive) throw new Error('the extension was active before a plan was opened: there is no activation to measure');
  const main = path.join(extension.extensionPath, extension.packageJSON.main);
  // Loading a module is reading it, compiling it, evaluating it; `_compile` does the last two.
  let compileStart;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (compileStart === undefined && path.resolve(filename) === path.resolve(main)) compileStart = performance.now();
    return compile.apply(this, arguments);
  };
  try {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'marketing.plan.yaml'));
    await vscode.window.showTextDocument(document);
    // Opening the plan has started the activation (`onLanguage:plan-yaml`); this waits for it.
    const api = await extension.activate();
    if (compileStart === undefined) throw new Error(`${main} was not loaded through Module.prototype._compile: its loading time is unknown`);
    console.log(`${TAG}${JSON.stringify({ compileStart, ...api.activation })}`);
  } finally {
    Module.prototype._compile = compile;
  }
};
