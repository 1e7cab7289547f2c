import type { Diagnostic } from 'vscode-languageserver/node';
import { formatMessage } from '../core/base/messages';
import type { Finding, Locale, TextEdit } from '../core/base/types';

/**
 * What a published diagnostic carries in `data`: the fixes of its finding, worded, with the
 * document version their offsets belong to. Quick fixes read them back from the diagnostic the
 * editor sends, as vscode-eslint does, instead of matching findings by range and message.
 */
interface DiagnosticData {
  version: number;
  fixes: DiagnosticFix[];
}

interface DiagnosticFix {
  title: string;
  preferred?: boolean;
  edits: TextEdit[];
}

export function diagnosticData(finding: Finding, version: number, locale: Locale): DiagnosticData | undefined {
  if (!finding.fixes?.length) return undefined;
  return {
    version,
    fixes: finding.fixes.map((fix) => ({ title: formatMessage(locale, fix.messageId, fix.params), preferred: fix.preferred, edits: fix.edits })),
  };
}

/** The fixes a diagnostic carries, when they were made for this version of the document (else none: a newer check is coming). */
export function fixesOf(diagnostic: Diagnostic, version: number): DiagnosticFix[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || data.version !== version || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter((fix): fix is DiagnosticFix =>
    typeof fix?.title === 'string' && Array.isArray(fix.edits) && fix.edits.every((edit) => typeof edit?.start === 'number' && typeof edit.end === 'number' && typeof edit.newText === 'string'));
}
