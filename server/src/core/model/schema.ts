import common from '../../../../schemas/common.schema.json';
import marketing from '../../../../schemas/marketing.schema.json';
import sales from '../../../../schemas/sales.schema.json';
import type { PlanKind } from '../base/types';

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

/**
 * Follows `$ref`s (within a file or into another schema file). The referring node's own
 * descriptions win: they say what the value means where it is used.
 */
function resolve(located: Located): Located {
  let { node, file } = located;
  const own = { description: node.description, markdownDescription: node.markdownDescription };
  for (let depth = 0; node.$ref && depth < 20; depth++) {
    const [target, pointer = ''] = node.$ref.split('#');
    if (target) file = target;
    let next: unknown = FILES[file];
    for (const segment of pointer.split('/').filter(Boolean)) next = (next as Record<string, unknown> | undefined)?.[segment];
    if (!next) break;
    node = next as SchemaNode;
  }
  return { node: { ...node, description: own.description ?? node.description, markdownDescription: own.markdownDescription ?? node.markdownDescription }, file };
}

/**
 * The schema of the value at a path (keys, and numbers or `*` for list items). Without a
 * known kind, the header keys shared by both templates still resolve through the marketing schema.
 */
export function schemaAt(kind: PlanKind | undefined, path: readonly (string | number)[]): SchemaNode | undefined {
  const file = kind === 'sales' ? 'sales.schema.json' : 'marketing.schema.json';
  let current: Located | undefined = resolve({ node: FILES[file], file });
  for (const segment of path) {
    if (!current) return undefined;
    const next: SchemaNode | undefined = typeof segment === 'number' || segment === '*' ? current.node.items : current.node.properties?.[segment];
    current = next ? resolve({ node: next, file: current.file }) : undefined;
  }
  return current?.node;
}

/**
 * The keys a mapping may have, resolved, with whether the schema requires them. The plan
 * schemas have no definitions of their own (they refer to common.schema.json by name), so a
 * reference without a file name is always one inside common.schema.json.
 */
export function propertiesOf(schema: SchemaNode): { name: string; schema: SchemaNode; required: boolean }[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    schema: resolve({ node: property, file: 'common.schema.json' }).node,
    required: schema.required?.includes(name) ?? false,
  }));
}

/** A schema with its `$ref`s followed (for nested nodes such as `items`). */
export function resolved(schema: SchemaNode): SchemaNode {
  return resolve({ node: schema, file: 'common.schema.json' }).node;
}

export function types(schema: SchemaNode): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}
