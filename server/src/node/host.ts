import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { ServerHost } from '../lsp/host';

/** The extension's folder: the bundle runs from `server/out/`. */
const extensionRoot = path.resolve(__dirname, '..', '..');

/** The Node.js server's host: `file:` URIs are files, read from the file system. */
export function nodeHost(): ServerHost {
  const readFile = (filePath: string): string | undefined => {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  };
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
    readFile,
    fetchFile: (filePath) => Promise.resolve(readFile(filePath)),
    docsUri: (relativePath) => pathToFileURL(path.join(extensionRoot, relativePath)).toString(),
  };
}
