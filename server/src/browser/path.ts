/**
 * Node.js's `path` for the web worker build, POSIX flavour, the functions the server and the core
 * use and nothing else: `scripts/build.mjs` puts this module in place of `path` there. Paths in
 * the browser are the names `server/src/browser/host.ts` gives documents (`/scheme:authority/…`),
 * always absolute, so there is no working directory to resolve against (`/` stands for it).
 * Same results as `path.posix` (test/unit/browser-path.test.ts compares them).
 */

export const sep = '/';

/** Resolves `.` and `..` segments and drops empty ones; `..` above the start is kept only for a relative path. */
function normalizeSegments(value: string, absolute: boolean): string {
  const segments: string[] = [];
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
      else if (!absolute) segments.push('..');
    } else {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

export function isAbsolute(value: string): boolean {
  return value.startsWith('/');
}

export function normalize(value: string): string {
  if (value === '') return '.';
  const absolute = isAbsolute(value);
  const trailing = value.endsWith('/');
  let normalized = normalizeSegments(value, absolute);
  if (normalized === '' && !absolute) normalized = '.';
  if (normalized !== '' && trailing) normalized += '/';
  return absolute ? `/${normalized}` : normalized;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function resolve(...parts: string[]): string {
  let resolved = '';
  for (let index = parts.length - 1; index >= 0 && !isAbsolute(resolved); index--) {
    if (parts[index] === '') continue;
    resolved = resolved === '' ? parts[index] : `${parts[index]}/${resolved}`;
  }
  return `/${normalizeSegments(resolved, true)}`;
}

export function relative(from: string, to: string): string {
  const fromSegments = resolve(from).split('/').filter(Boolean);
  const toSegments = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < fromSegments.length && common < toSegments.length && fromSegments[common] === toSegments[common]) common++;
  return [...fromSegments.slice(common).map(() => '..'), ...toSegments.slice(common)].join('/');
}

export function dirname(value: string): string {
  if (value === '') return '.';
  const absolute = value.startsWith('/');
  // The last slash before the last segment (trailing slashes are not one), as Node.js finds it.
  let end = -1;
  let inTrailingSlashes = true;
  for (let index = value.length - 1; index >= 1; index--) {
    if (value[index] !== '/') inTrailingSlashes = false;
    else if (!inTrailingSlashes) {
      end = index;
      break;
    }
  }
  if (end === -1) return absolute ? '/' : '.';
  if (absolute && end === 1) return '//';
  return value.slice(0, end);
}

export function basename(value: string, suffix?: string): string {
  // Node.js's own corner cases with a suffix no longer than the path: the suffix alone gives '', a path of slashes only gives itself.
  if (suffix !== undefined && suffix !== '' && suffix.length <= value.length) {
    if (suffix === value) return '';
    if (/^\/+$/.test(value)) return value;
  }
  const base = value.replace(/\/+$/, '').split('/').pop() ?? '';
  return suffix !== undefined && suffix !== base && base.endsWith(suffix) ? base.slice(0, base.length - suffix.length) : base;
}
