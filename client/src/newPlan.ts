/**
 * *Plan: New Plan…* (`planAsCode.newPlan`): a few questions (which template, which language, the
 * company or team, the currency, the period, where to put it), then a complete plan to fill in,
 * opened in the editor. The plan itself comes from the core (`shared/new-plan.ts`); the
 * questions are asked in VS Code's display language.
 *
 * Arguments (from tests and command links) answer questions in advance; what they leave out is asked.
 */
import * as vscode from 'vscode';
import {
  COMMON_CURRENCIES,
  isCurrency,
  isDate,
  LANGUAGE_NAMES,
  newPlan,
  newPlanFileName,
  NEW_PLAN_PROMPTS,
  periodEnd,
  yearStart,
  type NewPlanOptions,
} from '../../shared/new-plan';
import { resolveLocale, type Locale } from '../../shared/preview';

const NEW_PLAN_COMMAND = 'planAsCode.newPlan';

/** Answers given in advance; `where` is `workspace` (saved in the first workspace folder) or `untitled`. */
type NewPlanArguments = Partial<NewPlanOptions> & { where?: 'workspace' | 'untitled' };

const STEPS = 6;

export function registerNewPlan(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_PLAN_COMMAND, (answers?: unknown) => newPlanCommand(isArguments(answers) ? answers : {})));
}

function isArguments(value: unknown): value is NewPlanArguments {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}

/** Asks what it was not told, opens the new plan and returns its document; undefined when the user cancels. */
async function newPlanCommand(given: NewPlanArguments): Promise<vscode.TextDocument | undefined> {
  const locale: Locale = resolveLocale(undefined, undefined, vscode.env.language);
  const words = NEW_PLAN_PROMPTS[locale];
  const title = (step: number) => `${words.title} (${step}/${STEPS})`;

  const template = given.template ?? (await pick(title(1), words.template.placeholder, [
    { label: words.template.marketing[0], detail: words.template.marketing[1], value: 'marketing' as const },
    { label: words.template.sales[0], detail: words.template.sales[1], value: 'sales' as const },
  ]));
  if (!template) return undefined;

  const languages: Locale[] = locale === 'ro' ? ['ro', 'en'] : ['en', 'ro'];
  const language = given.language ?? (await pick(title(2), words.language.placeholder, languages.map((code) => ({ label: LANGUAGE_NAMES[code], description: code, value: code }))));
  if (!language) return undefined;

  const name = given.name ?? (await vscode.window.showInputBox({
    title: title(3),
    prompt: words.name.prompt,
    placeHolder: words.name.placeholder,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : words.name.empty),
  }))?.trim();
  if (!name) return undefined;

  const currency = given.currency ?? (await askCurrency(title(4), words));
  if (!currency) return undefined;

  const start = given.start ?? (await askStart(title(5), words));
  if (!start) return undefined;

  const options: NewPlanOptions = { template, language, name, currency, start };
  const text = newPlan(options);
  const folder = vscode.workspace.workspaceFolders?.[0];
  let where = given.where;
  if (!where && folder) {
    where = await pick(title(6), words.where.placeholder, [
      { label: words.where.save(newPlanFileName(options)), value: 'workspace' as const },
      { label: words.where.untitled, value: 'untitled' as const },
    ]);
    if (!where) return undefined;
  }

  const document =
    where === 'workspace' && folder
      ? await vscode.workspace.openTextDocument(await saveInto(folder.uri, newPlanFileName(options), text))
      : await vscode.workspace.openTextDocument({ language: 'plan-yaml', content: text });
  // VS Code fills a new unsaved document with the backup of one of the same name (Untitled-1) closed a moment before, if that backup is not yet discarded.
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

async function pick<T>(title: string, placeHolder: string, items: Choice<T>[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true }))?.value;
}

async function askCurrency(title: string, words: (typeof NEW_PLAN_PROMPTS)[Locale]): Promise<string | undefined> {
  const OTHER = '';
  const choice = await pick(title, words.currency.placeholder, [...COMMON_CURRENCIES.map((code) => ({ label: code, value: code as string })), { label: words.currency.other, value: OTHER }]);
  if (choice !== OTHER) return choice;
  const code = await vscode.window.showInputBox({
    title,
    prompt: words.currency.prompt,
    placeHolder: 'CHF',
    ignoreFocusOut: true,
    validateInput: (value) => (isCurrency(value.trim().toUpperCase()) ? undefined : words.currency.invalid),
  });
  return code?.trim().toUpperCase() || undefined;
}

async function askStart(title: string, words: (typeof NEW_PLAN_PROMPTS)[Locale]): Promise<string | undefined> {
  const today = new Date();
  const CUSTOM = '';
  const span = (start: string) => `${start} – ${periodEnd(start)}`;
  const thisYear = yearStart(today);
  const nextYear = yearStart(today, true);
  const choice = await pick(title, words.period.placeholder, [
    { label: words.period.thisYear, description: span(thisYear), value: thisYear },
    { label: words.period.nextYear, description: span(nextYear), value: nextYear },
    { label: words.period.custom, value: CUSTOM },
  ]);
  if (choice !== CUSTOM) return choice;
  const start = await vscode.window.showInputBox({
    title,
    prompt: words.period.prompt,
    value: nextYear,
    ignoreFocusOut: true,
    validateInput: (value) => (isDate(value.trim()) ? undefined : words.period.invalid),
  });
  return start?.trim() || undefined;
}

/** Writes the plan into `folder` under `fileName`, or `name-2.plan.yaml`… when that is taken; never overwrites. */
async function saveInto(folder: vscode.Uri, fileName: string, text: string): Promise<vscode.Uri> {
  const stem = fileName.replace(/\.plan\.yaml$/, '');
  for (let index = 1; ; index += 1) {
    const target = vscode.Uri.joinPath(folder, index === 1 ? fileName : `${stem}-${index}.plan.yaml`);
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      return target;
    }
  }
}
