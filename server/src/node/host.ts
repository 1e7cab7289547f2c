import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { ServerHost } from '../lsp/host';
import { readBytesForCore, readForCore } from './files';
import { findPlans } from './find-plans';
import { readAtRevision } from './git';

/** The extension's folder: the bundle runs from `server/out/`. */
const extensionRoot = path.resolve(__dirname, '..', '..');

/** The Node.js server's host: `file:` URIs are files, read from the file system through the one safe reader. */
export function nodeHost(): ServerHost {
  return {
    pathOf(uri) {
      if (!uri.startsWith('file:')) return undefined;
      try {
        return fileURLToPath(uri);
      } catch {
        return undefined;
      }
    },
    uriOf: (filePath) => pathToFileURL(filePath).toString(),
    readFile: readForCore,
    readBytes: readBytesForCore,
    fetchFile: (filePath) => {
      const text = readForCore(filePath);
      return Promise.resolve(typeof text === 'string' ? text : undefined);
    },
    listPlans: findPlans,
    readRevision: readAtRevision,
    docsUri: (relativePath) => pathToFileURL(path.join(extensionRoot, relativePath)).toString(),
  };
}
