import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import { disableLineEdit, fixAllEdits } from '../core/rules/fixes';
import { formatMessage, plainText } from '../core/base/messages';
import { ruleById } from '../core/rules';
import type { CheckResult } from '../core/workspace/service';
import type { Finding, Locale, TextEdit } from '../core/base/types';
import { OPEN_RULE_DOCS } from '../../../shared/commands';
import { planNameOf, type Feature } from './context';

/** Applies every safe fix of a plan at once (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.planAsCode';

/** Whether a kind asked for (`only`) covers `kind`: `source` covers `source.fixAll.planAsCode`. */
function covers(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => asked === '' || kind === asked || kind.startsWith(`${asked}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for our diagnostics (the fixes the rules attach, "Disable RULE for this line",
 * "Open the documentation of RULE") and `source.fixAll.planAsCode`. Fixes are recomputed for
 * the document's current text, so that their edits never come from an older version.
 */
function codeActionsFeature(): Feature {
  /** Whether the client applies `documentChanges` (edits tied to a document version). */
  let versionedEdits = false;
  return {
    capabilities(params) {
      versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
      return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } };
    },
    register(context) {
      context.connection.onCodeAction(async (params) => {
        const document = context.documents.get(params.textDocument.uri);
        if (!document) return [];
        const { only } = params.context;
        const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === 'plan' && typeof diagnostic.code === 'string' && ruleById(diagnostic.code));
        const wantsFixes = covers(only, CodeActionKind.QuickFix) && ours.length > 0;
        const wantsFixAll = only !== undefined && covers(only, FIX_ALL_KIND);
        if (!wantsFixes && !wantsFixAll) return [];
        const checked = await checkOf(document);
        const current = context.documents.get(document.uri);
        if (!checked || !current || current.version !== document.version) return [];
        const { findings, locale } = checked;
        const actions = wantsFixes ? quickFixes(current, ours, findings, locale) : [];
        if (wantsFixAll) actions.push(...fixAll(current, findings, locale));
        return actions;
      });

      /**
       * The findings of the version the editor shows: those published for it (they carry their
       * fixes, and a pending check is waited for), or a check now if none was published;
       * undefined if the version changed meanwhile.
       */
      async function checkOf(document: TextDocument): Promise<CheckResult | undefined> {
        const settled = await context.settledDocument(document.uri);
        if (settled?.document.version !== document.version) return undefined;
        const published = context.published.get(document.uri);
        if (published?.version === document.version) return published.result;
        return context.service.check(settled.document.getText(), planNameOf(document.uri), { settings: settled.settings, editorLocale: context.editorLocale() });
      }

      function edit(document: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
        const lspEdits = edits.map((item) => ({ range: context.toRange(document, item.start, item.end), newText: item.newText }));
        return versionedEdits
          ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] }
          : { changes: { [document.uri]: lspEdits } };
      }

      function quickFixes(document: TextDocument, diagnostics: Diagnostic[], findings: Finding[], locale: Locale): CodeAction[] {
        const fixes: CodeAction[] = [];
        const disables = new Map<string, CodeAction>();
        const docs = new Map<string, CodeAction>();
        const { parsed } = context.analysisOf(document);
        for (const diagnostic of diagnostics) {
          const rule = String(diagnostic.code);
          const finding = matchingFinding(document, diagnostic, findings);
          for (const fix of finding?.fixes ?? []) {
            fixes.push({
              title: formatMessage(locale, fix.messageId, fix.params),
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.preferred,
              edit: edit(document, fix.edits),
            });
          }
          const line = diagnostic.range.start.line;
          const disable = disableLineEdit(parsed, context.toOffset(document, diagnostic.range.start), rule);
          if (disable && !disables.has(`${rule} ${line}`)) {
            disables.set(`${rule} ${line}`, { title: formatMessage(locale, 'action.disableLine', { rule }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(document, [disable]) });
          }
          if (!docs.has(rule)) {
            const title = formatMessage(locale, 'action.openDocs', { rule });
            docs.set(rule, { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: OPEN_RULE_DOCS, arguments: [rule] } });
          }
        }
        return [...fixes, ...disables.values(), ...docs.values()];
      }

      /** The finding a diagnostic shows: same rule and range, and the same message when several share them. */
      function matchingFinding(document: TextDocument, diagnostic: Diagnostic, findings: Finding[]): Finding | undefined {
        const candidates = findings.filter((finding) => finding.ruleId === diagnostic.code && sameRange(context.toRange(document, finding.start, finding.end), diagnostic.range));
        if (candidates.length <= 1) return candidates[0];
        return candidates.find((finding) => finding.message === diagnostic.message || plainText(finding.message) === diagnostic.message);
      }

      /** Every finding's first safe fix, in one edit (`fixAllEdits`). */
      function fixAll(document: TextDocument, findings: Finding[], locale: Locale): CodeAction[] {
        const taken = fixAllEdits(findings);
        if (taken.length === 0) return [];
        return [{ title: formatMessage(locale, 'action.fixAll'), kind: FIX_ALL_KIND, edit: edit(document, taken) }];
      }
    },
  };
}

export const codeActions = codeActionsFeature();
