import * as path from 'path';
import type { Connection } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../core/check/config';
import type { ServerContext } from '../lsp/context';
import type { ServerHost } from '../lsp/host';
import { ReadFileRequest, type InitializationOptions } from '../../../shared/protocol';

/**
 * A plan up to this size is looked at as soon as it opens, so that the files it names (its
 * `.planrc.yaml`, its `alignsWith` plans) are asked for before its first check; a larger one
 * asks during that check and is checked again when they arrive.
 */
const PREFETCH_LIMIT = 256 * 1024;

/** `scheme://authority/path…`: a URI with a folder around it (unlike `untitled:Untitled-1`). */
const HIERARCHICAL = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;
/** A name that `pathOfUri` made: `/scheme:authority/path…`. */
const NAMED = /^\/([a-zA-Z][a-zA-Z0-9+.-]*):([^/]*)(\/.*)?$/;

/**
 * The path the plan service knows a document by, in the browser: `/scheme:authority/path`
 * (`vscode-vfs://github/acme/plans/q1.plan.yaml` is `/vscode-vfs:github/acme/plans/q1.plan.yaml`),
 * so that `.planrc.yaml` is looked for, and `alignsWith` is resolved, in the folders of the same
 * repository; undefined for a URI without a folder (an untitled plan).
 */
export function pathOfUri(uri: string): string | undefined {
  const match = HIERARCHICAL.exec(uri);
  if (!match) return undefined;
  const [, scheme, authority, encoded] = match;
  let decoded = encoded;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    // not percent-encoded after all: the path as written
  }
  const name = path.normalize(`/${scheme.toLowerCase()}:${authority}/${decoded}`);
  return name.length > 1 && name.endsWith('/') ? name.slice(0, -1) : name;
}

/** The URI of a path that `pathOfUri` made, or that was derived from one (a linked plan). */
export function uriOfPath(filePath: string): string {
  const match = NAMED.exec(filePath);
  if (!match) return filePath;
  const [, scheme, authority, rest = ''] = match;
  return `${scheme}://${authority}${rest.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The web worker's host. There is no file system: a file that no editor has open is asked of
 * the client (`planAsCode/readFile`, which reads it with `vscode.workspace.fs`) and kept. The
 * core reads files synchronously, so a file not kept yet is missing for the check that first
 * asks for it; when it arrives, every plan is checked again. A plan that opens is looked at at
 * once (see `PREFETCH_LIMIT`) so that its files usually arrive before its first check, and
 * checks wait for reads in flight (`settled`). A kept file is read again when the client says
 * it changed (`workspace/didChangeWatchedFiles`) and when an editor closes it.
 */
export function browserHost(connection: Connection): ServerHost & { attach(context: ServerContext): void } {
  /** Files read from the client: their text, or null when missing. */
  const files = new Map<string, string | null>();
  /** Reads in flight. */
  const reading = new Map<string, Promise<void>>();
  /** Files read since the last notice whose text differs from what the checks saw. */
  const changed = new Set<string>();
  /** The URI each name came from, so that a name finds its open document again. */
  const uris = new Map<string, string>();
  const listeners: ((filePaths: readonly string[]) => void)[] = [];
  let extensionUri: string | undefined;

  function read(filePath: string): Promise<void> {
    let pending = reading.get(filePath);
    if (pending) return pending;
    // What the checks saw meanwhile: the text kept before, or nothing (a missing file).
    const before = files.get(filePath) ?? null;
    pending = connection
      .sendRequest(ReadFileRequest.type, { uri: host.uriOf(filePath) })
      .then((text) => (typeof text === 'string' ? text : null), () => null)
      .then((text) => {
        files.set(filePath, text);
        reading.delete(filePath);
        if (text !== before) changed.add(filePath);
        // One notice when the reads in flight are done: the plans are checked once, not per file.
        if (reading.size > 0 || changed.size === 0) return;
        const arrived = [...changed];
        changed.clear();
        for (const listener of listeners) listener(arrived);
      });
    reading.set(filePath, pending);
    return pending;
  }

  const host: ServerHost & { attach(context: ServerContext): void } = {
    pathOf(uri) {
      const name = pathOfUri(uri);
      if (name !== undefined) uris.set(name, uri);
      return name;
    },
    uriOf: (filePath) => uris.get(filePath) ?? uriOfPath(filePath),
    readFile(filePath) {
      if (!files.has(filePath)) void read(filePath);
      return files.get(filePath) ?? undefined;
    },
    async fetchFile(filePath) {
      if (!files.has(filePath)) await read(filePath);
      return files.get(filePath) ?? undefined;
    },
    docsUri: (relativePath) => (extensionUri ? `${extensionUri.replace(/\/+$/, '')}/${relativePath}` : undefined),
    initialize(params) {
      const options = params.initializationOptions as InitializationOptions | undefined;
      if (typeof options?.extensionUri === 'string') extensionUri = options.extensionUri;
    },
    onDidRead(listener) {
      listeners.push(listener);
    },
    async settled() {
      await Promise.all(reading.values());
    },
    forget(filePath) {
      // Kept files are read again at once; the checks see the old text until the new one arrives.
      const names = [...files.keys()].filter((name) => (filePath === undefined ? (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(name)) : name === filePath));
      for (const name of names) void read(name);
    },
    attach(context) {
      const { documents } = context;
      documents.onDidOpen(({ document }) => {
        // Asks for its files now, before its first check (which waits for them).
        if (document.getText().length > PREFETCH_LIMIT) return;
        try {
          context.snapshotOf(document);
        } catch {
          // The check reports what went wrong.
        }
      });
      documents.onDidClose(({ document }) => {
        // Plans that link to it read it from the workspace again: it may not have been saved.
        const name = host.pathOf(document.uri);
        if (name !== undefined) void read(name);
      });
    },
  };
  return host;
}
