import { glob, globSync } from 'tinyglobby';

/** The files that are plans. */
export const PLAN_FILES = '**/*.plan.{yaml,yml}';

/** Folders never searched for plans: dependencies and version control. */
export const NEVER_SEARCHED = ['**/node_modules/**', '**/.git/**'];

const options = (folder: string, ignore: readonly string[]) => ({
  cwd: folder,
  absolute: true,
  // Links are followed, and a plan reached through one is read by the safe reader like any other.
  ignore: [...NEVER_SEARCHED, ...ignore],
});

/** Every plan under a folder, sorted; `ignore` adds globs to leave out (VS Code's `files.exclude`). */
export async function findPlans(folder: string, ignore: readonly string[] = []): Promise<string[]> {
  return (await glob(PLAN_FILES, options(folder, ignore))).sort();
}

export function findPlansSync(folder: string, ignore: readonly string[] = []): string[] {
  return globSync(PLAN_FILES, options(folder, ignore)).sort();
}
