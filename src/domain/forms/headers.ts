/**
 * Form tables as header trees. A leaf is one spreadsheet column holding one value; an inner node is an official
 * header merged over its children (the order puts several facts under one title, e.g. «7/6»).
 * The stamper lays the tree out with merges; the reader finds a table by matching the same titles.
 */

export type FieldKind = 'text' | 'count' | 'names' | 'date' | 'level' | 'check';

export interface HeaderNode {
  title: string;
  /** Leaf only: the field this column holds. */
  key?: string;
  kind?: FieldKind;
  children?: HeaderNode[];
}

export const leaf = (key: string, title: string, kind: FieldKind): HeaderNode => ({ key, title, kind });
export const group = (title: string, children: HeaderNode[]): HeaderNode => ({ title, children });

/** Leaves in column order. */
export function leaves(nodes: HeaderNode[]): (HeaderNode & { key: string; kind: FieldKind })[] {
  const out: (HeaderNode & { key: string; kind: FieldKind })[] = [];
  const walk = (n: HeaderNode) => {
    if (n.children?.length) n.children.forEach(walk);
    else out.push(n as HeaderNode & { key: string; kind: FieldKind });
  };
  nodes.forEach(walk);
  return out;
}

/** Number of header rows the tree needs. */
export function headerDepth(nodes: HeaderNode[]): number {
  const d = (n: HeaderNode): number => (n.children?.length ? 1 + Math.max(...n.children.map(d)) : 1);
  return Math.max(...nodes.map(d));
}

export const CHECK_COLUMN_TITLE = 'Проверка';
