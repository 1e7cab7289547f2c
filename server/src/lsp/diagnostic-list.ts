import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocsPath } from '../core/base/docs';
import { plainText } from '../core/base/messages';
import { bySeverity, firstLineRange, makeFinding } from '../core/check/findings';
import type { Finding, Locale, Severity } from '../core/base/types';
import { diagnosticData } from './diagnostic-data';

/** At most this many diagnostics per plan (errors first), then one note: more help nobody, and cost the editor. */
export const MAX_DIAGNOSTICS = 1000;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where a rule's page is (the host's `docsUri`). */
export type DocsUri = (relativePath: string) => string | undefined;

/** A rule's page, by host, language and rule: a large plan's diagnostics name a few rules a thousand times. */
const docsPages = new WeakMap<DocsUri, Map<string, string | undefined>>();

/**
 * The diagnostics of a version's findings, as published: the `MAX_DIAGNOSTICS` most severe in
 * their order, and a note on the first line when some are left out.
 */
export function diagnosticsOf(document: TextDocument, version: number, findings: readonly Finding[], locale: Locale, docsUri: DocsUri): Diagnostic[] {
  const shown = capped(findings);
  const diagnostics = shown.map((finding) => toDiagnostic(document, version, finding, locale, docsUri));
  if (shown.length < findings.length) diagnostics.push(toDiagnostic(document, version, cappedNote(document, locale, shown.length, findings.length), locale, docsUri));
  return diagnostics;
}

export function toDiagnostic(document: TextDocument, version: number, finding: Finding, locale: Locale, docsUri: DocsUri): Diagnostic {
  const data = diagnosticData(finding, version, locale);
  const docs = docsOf(docsUri, finding.ruleId, locale);
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    source: 'plan',
    code: finding.ruleId,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    message: plainText(finding.message),
    data,
  };
}

function docsOf(docsUri: DocsUri, ruleId: string, locale: Locale): string | undefined {
  let pages = docsPages.get(docsUri);
  if (!pages) docsPages.set(docsUri, (pages = new Map()));
  const key = `${locale} ${ruleId}`;
  if (!pages.has(key)) pages.set(key, docsUri(ruleDocsPath(ruleId, locale)));
  return pages.get(key);
}

/** The findings to publish: all of them, or the `MAX_DIAGNOSTICS` most severe, in their order. */
function capped(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= MAX_DIAGNOSTICS) return findings;
  const kept = new Set([...findings].sort(bySeverity).slice(0, MAX_DIAGNOSTICS));
  return findings.filter((finding) => kept.has(finding));
}

/** A note on the first line that only some findings are shown. */
function cappedNote(document: TextDocument, locale: Locale, shown: number, total: number): Finding {
  const text = document.getText();
  const [start, end] = firstLineRange(text);
  return makeFinding(locale, text, { ruleId: 'plan/too-many-findings', severity: 'information', start, end, messageId: 'engine.findingsCapped', params: { shown, total } });
}
