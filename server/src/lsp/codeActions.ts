import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { disableLineEdit, fixAllEdits } from '../core/rules/fixes';
import { formatMessage } from '../core/base/messages';
import { ruleById } from '../core/rules';
import type { CheckedPlan } from '../core/workspace/service';
import type { Finding, Locale, TextEdit } from '../core/base/types';
import { OPEN_RULE_DOCS } from '../../../shared/commands';
import type { Feature } from './context';
import { fixesOf } from './diagnostic-data';

/** Applies every safe fix of a plan at once (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.planAsCode';

/** Whether a kind asked for (`only`) covers `kind`: `source` covers `source.fixAll.planAsCode`. */
function covers(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => asked === '' || kind === asked || kind.startsWith(`${asked}.`));
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
        // The check of the version the editor shows: the published one (a pending check goes first).
        const settled = await context.settledDocument(document.uri);
        if (settled?.document.version !== document.version) return [];
        const checked = context.checkedOf(settled.document, settled.settings);
        const actions = wantsFixes ? quickFixes(settled.document, ours, checked) : [];
        if (wantsFixAll) actions.push(...fixAll(settled.document, checked.findings, checked.locale));
        return actions;
      });

      function edit(document: TextDocument, edits: readonly TextEdit[]): WorkspaceEdit {
        const lspEdits = edits.map((item) => ({ range: context.toRange(document, item.start, item.end), newText: item.newText }));
        return versionedEdits
          ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] }
          : { changes: { [document.uri]: lspEdits } };
      }

      function quickFixes(document: TextDocument, diagnostics: Diagnostic[], checked: CheckedPlan): CodeAction[] {
        const { parsed, locale } = checked;
        const fixes: CodeAction[] = [];
        const disables = new Map<string, CodeAction>();
        const docs = new Map<string, CodeAction>();
        for (const diagnostic of diagnostics) {
          const rule = String(diagnostic.code);
          for (const fix of fixesOf(diagnostic, document.version)) {
            fixes.push({
              title: fix.title,
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
            docs.set(rule, { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: OPEN_RULE_DOCS, arguments: [rule, locale] } });
          }
        }
        return [...fixes, ...disables.values(), ...docs.values()];
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
