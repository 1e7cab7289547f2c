import type { InitializeParams } from 'vscode-languageserver/node';
import type { FileNotRead, ReadLimits, RevisionRead } from '../core/base/files';

/**
 * What the language server needs from where it runs, and gets nowhere else: how a document's
 * URI names a file, how to read a file that no editor has open, where the rule pages are.
 * The Node.js server (`server/src/node/host.ts`) reads the file system; the web worker build
 * (`server/src/browser/host.ts`) asks the client. Everything else in `server/src/lsp/` is the
 * same in both, and imports nothing from Node.js but `path` (which the browser build replaces
 * with `server/src/browser/path.ts`).
 */
export interface ServerHost {
  /**
   * The name the plan service knows a document by: an absolute path, which locates its
   * `.planrc.yaml` and the plans its `alignsWith` names; undefined for a URI that has no
   * folder (an untitled plan), which the service then knows by its URI.
   */
  pathOf(uri: string): string | undefined;
  /** The URI of a path: one `pathOf` gave, or one the core derived from it (a linked plan). */
  uriOf(filePath: string): string;
  /**
   * The text of a file that no editor has open, now, read as every file the core reads (a
   * regular file, inside `limits.root`, within `limits.maxSize`); why not, or undefined when it
   * is missing (or not read yet).
   */
  readFile(filePath: string, limits?: ReadLimits): string | FileNotRead | undefined;
  /**
   * The same file as UTF-8 bytes, not decoded, for the workspace index (which decodes only
   * what it needs); absent where the host has text only (the browser).
   */
  readBytes?(filePath: string, limits?: ReadLimits): Uint8Array | FileNotRead | undefined;
  /** The text of a file that no editor has open, however long reading takes; undefined when it cannot be read. */
  fetchFile(filePath: string): Promise<string | undefined>;
  /** A plan's text at a git revision (an approval's); absent where git cannot be run (the browser). */
  readRevision?(filePath: string, revision: string, maxSize: number): RevisionRead;
  /** Every plan file under a folder, leaving out `exclude` globs; without it, the workspace is not indexed (the plans open are). */
  listPlans?(folder: string, exclude: readonly string[]): Promise<string[]>;
  /** Where a documentation page of the extension is (`docs/rules/….md`), as a URI; undefined when unknown. */
  docsUri(relativePath: string): string | undefined;
  /** The editor's `initialize` request, before any other. */
  initialize?(params: InitializeParams): void;
  /**
   * Calls `listener` with files that `readFile` could not give at once and that have been read
   * since: the plans that asked for them are checked again.
   */
  onDidRead?(listener: (filePaths: readonly string[]) => void): void;
  /** Resolves once the reads started so far are done, so that a check about to start sees their files. */
  settled?(): Promise<void>;
  /** A file changed or is no longer known (or, without a path, every configuration file): what is kept of it is stale. */
  forget?(filePath?: string): void;
}
