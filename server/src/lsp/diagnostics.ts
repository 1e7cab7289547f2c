import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { firstLineRange, makeFinding } from '../core/check/findings';
import { docsUriOf, filePathOf, planNameOf, uriOfPath, type Feature } from './context';
import { diagnosticsOf, toDiagnostic } from './diagnostic-list';
import { runInSlices } from './slices';

/** Pushes diagnostics (`textDocument/publishDiagnostics` with the version) as plans change. */
export const diagnostics: Feature = {
  register(context) {
    const { connection, documents, service } = context;
    const timers = new Map<string, NodeJS.Timeout>();
    /**
     * A check starts at the next turn of the event loop (changes sent together are checked once),
     * not after a pause in the typing: a check that a newer keystroke overtakes is dropped at its
     * next pause (every `SLICE_MS`), so the last keystroke's check waits for at most one slice.
     */
    const schedule = (uri: string) => {
      context.checks.started(uri);
      clearTimeout(timers.get(uri));
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          void validate(uri);
        }),
      );
    };
    const revalidateAll = () => {
      for (const document of documents.all()) schedule(document.uri);
    };

    connection.onDidChangeConfiguration(() => context.forgetSettings());
    // Indexed, the workspace may hold plans that name an open plan: its aligned plans (and their figures) change.
    context.onIndexed(() => {
      for (const document of documents.all()) {
        const filePath = filePathOf(document.uri);
        if (filePath && context.index.linkingTo(filePath).length > 0) schedule(document.uri);
      }
    });
    context.onSettingsChanged(revalidateAll);
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      let configChanged = false;
      const plans: string[] = [];
      for (const change of changes) {
        const filePath = filePathOf(change.uri);
        if (!filePath) continue;
        if (/\.planrc\.ya?ml$/.test(filePath)) {
          service.invalidateConfig();
          configChanged = true;
          continue;
        }
        service.invalidateFile(filePath);
        // An open plan is indexed by its editor text, not what was saved.
        if (/\.plan\.ya?ml$/.test(filePath) && !documents.get(change.uri)) {
          await context.reindexFile(filePath);
          plans.push(filePath);
        } else if (!/\.plan\.ya?ml$/.test(filePath)) {
          recheckActuals(filePath);
        }
      }
      if (configChanged) revalidateAll();
      else for (const filePath of plans) recheckAligned(filePath);
    });

    async function validate(uri: string): Promise<void> {
      await check(uri);
      // A newer version's check is scheduled when this one was overtaken.
      if (!timers.has(uri)) context.checks.finished(uri);
    }

    async function check(uri: string): Promise<void> {
      const document = documents.get(uri);
      if (!document) return;
      const version = document.version;
      const settings = await context.settingsFor(uri);
      const current = documents.get(uri);
      // A newer version arrived while the settings were fetched: its own check is scheduled.
      if (!current || current.version !== version) return;
      let published: Diagnostic[];
      try {
        // A large plan is checked in slices, so that requests are answered meanwhile; a newer version drops the check.
        const result = await runInSlices(service.checkSteps(current.getText(), planNameOf(uri), { settings, editorLocale: context.editorLocale(), today: context.today() }), () => documents.get(uri)?.version !== version);
        if (!result) return;
        published = diagnosticsOf(current, version, result.findings, result.locale, docsUriOf);
      } catch (error) {
        connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        // Stale diagnostics would claim the plan was checked: one error says it could not be.
        const locale = context.editorLocale()?.toLowerCase().startsWith('ro') ? 'ro' : 'en';
        const text = current.getText();
        const [start, end] = firstLineRange(text);
        const finding = makeFinding(locale, text, { ruleId: 'plan/internal-error', severity: 'error', start, end, messageId: 'engine.checkCrashed', params: { detail: error instanceof Error ? error.message : String(error) } });
        published = [toDiagnostic(current, version, finding, locale, docsUriOf)];
      }
      // Written before the check counts as done: what waits for it (indexing the version's ids, say) would otherwise hold the diagnostics up.
      await connection.sendDiagnostics({ uri, version, diagnostics: published });
    }

    /** Open plans aligned with a plan that changed (it names them, or they name it) are checked again: its ids, periods and figures are theirs too. */
    function recheckAligned(filePath: string): void {
      const { index } = context;
      for (const other of new Set([...index.linksOf(filePath), ...index.linkingTo(filePath)])) {
        const uri = uriOfPath(other);
        if (documents.get(uri)) schedule(uri);
      }
    }

    /** Open plans whose `actuals` names a file that changed on disk are checked again: their progress is read from it. */
    function recheckActuals(filePath: string): void {
      for (const document of documents.all()) {
        const planPath = filePathOf(document.uri);
        const actuals = planPath ? context.snapshotOf(document).model.data.actuals : undefined;
        if (planPath && typeof actuals === 'string' && path.resolve(path.dirname(planPath), actuals) === filePath) schedule(document.uri);
      }
    }

    // A plan just opened is checked at once: there is no burst of keystrokes to wait for.
    const justOpened = new Set<string>();
    documents.onDidOpen(({ document }) => {
      justOpened.add(document.uri);
      context.checks.started(document.uri);
      void validate(document.uri);
    });
    documents.onDidChangeContent(({ document }) => {
      const filePath = filePathOf(document.uri);
      if (filePath) {
        // Plans linked to this one read its new text from now on, and are checked again.
        service.invalidateFile(filePath);
        const linksBefore = context.index.linksOf(filePath);
        context.index.set(filePath, document.getText());
        recheckAligned(filePath);
        // A plan it no longer names loses it as a back-link.
        for (const dropped of linksBefore) if (!context.index.linksOf(filePath).includes(dropped)) schedule(uriOfPath(dropped));
      }
      if (justOpened.delete(document.uri)) return;
      schedule(document.uri);
    });
    documents.onDidClose(({ document }) => {
      clearTimeout(timers.get(document.uri));
      timers.delete(document.uri);
      context.checks.finished(document.uri);
      context.forgetSettings(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      // Closed without saving, the plan is what is on disk again.
      const filePath = filePathOf(document.uri);
      if (filePath) {
        service.invalidateFile(filePath);
        void context.reindexFile(filePath).then(() => recheckAligned(filePath));
      }
    });
  },
};
