import common from '../../../../schemas/common.schema.json';
import marketing from '../../../../schemas/marketing.schema.json';
import sales from '../../../../schemas/sales.schema.json';
import romanian from '../../../../schemas/ro/descriptions.json';
import type { Locale, PlanKind } from '../base/types';

/** A JSON Schema node, loosely typed: only the keywords the editor features read. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  markdownEnumDescriptions?: string[];
  examples?: unknown[];
  format?: string;
  pattern?: string;
  defaultSnippets?: { label: string; description?: string; body: unknown }[];
}

const FILES: Record<string, SchemaNode> = {
  'common.schema.json': common as SchemaNode,
  'marketing.schema.json': marketing as SchemaNode,
  'sales.schema.json': sales as SchemaNode,
};

interface Located {
  node: SchemaNode;
  file: string;
}

/** What a schema node says about itself to people: the texts that hovers and completions show. */
export interface SchemaTexts {
  description?: string;
  markdownDescription?: string;
  markdownEnumDescriptions?: string[];
  examples?: unknown[];
}

/** Every node of the schema files by `file#/json/pointer`, the key of its texts in another language. */
const POINTERS = new WeakMap<object, string>();
for (const [file, root] of Object.entries(FILES)) {
  (function walk(node: unknown, pointer: string): void {
    if (!node || typeof node !== 'object') return;
    POINTERS.set(node, `${file}${pointer}`);
    for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${key}`);
  })(root, '#');
}

/** The Romanian texts of the schemas, by `file#/json/pointer` (schemas/ro/descriptions.json). */
export const SCHEMA_TEXTS_RO: Readonly<Record<string, SchemaTexts>> = romanian as Record<string, SchemaTexts>;

/** A node's own texts in a language: the schema's English, or the side catalog's translation of it. */
function textsOf(node: SchemaNode, locale: Locale): SchemaTexts {
  const english: SchemaTexts = { description: node.description, markdownDescription: node.markdownDescription, markdownEnumDescriptions: node.markdownEnumDescriptions, examples: node.examples };
  if (locale === 'en') return english;
  const pointer = POINTERS.get(node);
  const translated = pointer === undefined ? undefined : SCHEMA_TEXTS_RO[pointer];
  return translated ? { ...english, ...translated } : english;
}

/**
 * Follows `$ref`s (within a file or into another schema file). The referring node's own
 * descriptions win: they say what the value means where it is used. The result carries the
 * texts in `locale`.
 */
function resolve(located: Located, locale: Locale): Located {
  let { node, file } = located;
  const own = textsOf(node, locale);
  for (let depth = 0; node.$ref && depth < 20; depth++) {
    const [target, pointer = ''] = node.$ref.split('#');
    if (target) file = target;
    let next: unknown = FILES[file];
    for (const segment of pointer.split('/').filter(Boolean)) next = (next as Record<string, unknown> | undefined)?.[segment];
    if (!next) break;
    node = next as SchemaNode;
  }
  const target = node === located.node ? own : textsOf(node, locale);
  return {
    node: {
      ...node,
      description: own.description ?? target.description,
      markdownDescription: own.markdownDescription ?? target.markdownDescription,
      markdownEnumDescriptions: target.markdownEnumDescriptions,
      examples: target.examples,
    },
    file,
  };
}

/**
 * The schema of the value at a path (keys, and numbers or `*` for list items). Without a
 * known kind, the header keys shared by both templates still resolve through the marketing schema.
 */
export function schemaAt(kind: PlanKind | undefined, path: readonly (string | number)[], locale: Locale = 'en'): SchemaNode | undefined {
  const file = kind === 'sales' ? 'sales.schema.json' : 'marketing.schema.json';
  let current: Located | undefined = resolve({ node: FILES[file], file }, locale);
  for (const segment of path) {
    if (!current) return undefined;
    const next: SchemaNode | undefined = typeof segment === 'number' || segment === '*' ? current.node.items : current.node.properties?.[segment];
    current = next ? resolve({ node: next, file: current.file }, locale) : undefined;
  }
  return current?.node;
}

/**
 * The keys a mapping may have, resolved, with whether the schema requires them. The plan
 * schemas have no definitions of their own (they refer to common.schema.json by name), so a
 * reference without a file name is always one inside common.schema.json.
 */
export function propertiesOf(schema: SchemaNode, locale: Locale = 'en'): { name: string; schema: SchemaNode; required: boolean }[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    schema: resolve({ node: property, file: 'common.schema.json' }, locale).node,
    required: schema.required?.includes(name) ?? false,
  }));
}

/** A schema with its `$ref`s followed (for nested nodes such as `items`). */
export function resolved(schema: SchemaNode, locale: Locale = 'en'): SchemaNode {
  return resolve({ node: schema, file: 'common.schema.json' }, locale).node;
}

export function types(schema: SchemaNode): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}
