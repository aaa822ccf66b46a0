import { isAllowedNoteLink, isNotesFragmentName, NOTES_SCHEMA } from '@consultboard/domain';
import * as Y from 'yjs';

/**
 * Where an item of an update will sit once integrated, as far as the schema cares: at the top of a stage's
 * fragment, in an element (and under which attribute, if it is one), in a text, or nowhere (Yjs turns an item
 * whose neighbours were garbage-collected into garbage itself, whatever it holds).
 */
export type Placement =
  | { kind: 'root'; key: string; sub: string | null }
  | { kind: 'element'; name: string; sub: string | null }
  | { kind: 'text'; sub: string | null }
  | { kind: 'other'; sub: string | null }
  | { kind: 'gone' };

const MAX_ATTRIBUTE_CHARS = 2048;

/** What the type a ContentType item creates is, for the notes: an allowed element, a text, or something else. */
export function typeOf(content: Y.ContentType): { kind: 'element'; name: string } | { kind: 'text' } | null {
  const type = content.type;
  if (type.constructor === Y.XmlElement) return { kind: 'element', name: (type as Y.XmlElement).nodeName };
  if (type.constructor === Y.XmlText) return { kind: 'text' };
  return null;
}

/** Where a type that is already in a document sits, seen as the parent of a new item. */
export function placementIn(parent: Y.AbstractType<unknown> | null, sub: string | null): Placement {
  if (!parent) return { kind: 'gone' };
  if (parent._item === null) return { kind: 'root', key: Y.findRootTypeKey(parent), sub };
  if (parent.constructor === Y.XmlElement) return { kind: 'element', name: (parent as Y.XmlElement).nodeName, sub };
  if (parent.constructor === Y.XmlText) return { kind: 'text', sub };
  return { kind: 'other', sub };
}

/**
 * Why an item's content is not something the notes hold, or null when it is. Checked on its own, wherever the
 * item lands: the element names and marks Tiptap's schema allows, links to web pages and e-mail addresses only.
 */
export function contentProblem(item: Y.Item): string | null {
  const content = item.content;
  if (typeof item.parent === 'string' && !isNotesFragmentName(item.parent)) return `top-level type "${item.parent}"`;
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentType) {
    const type = typeOf(content);
    if (!type) return 'a type the notes do not use';
    if (type.kind === 'element' && !Object.hasOwn(NOTES_SCHEMA.nodes, type.name)) return `element "${type.name}"`;
    return null;
  }
  if (content instanceof Y.ContentFormat) return markProblem(content.key, content.value);
  if (content instanceof Y.ContentAny) {
    return content.arr.every(isAttributeValue) ? null : 'an attribute value that is not a short string or number';
  }
  return 'content the notes do not hold';
}

/** Why an item may not sit where it lands (text outside a text, an element inside a text…), or null. */
export function placementProblem(item: Y.Item, placement: Placement): string | null {
  if (placement.kind === 'gone') return null;
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (placement.kind === 'root' && !isNotesFragmentName(placement.key)) return `top-level type "${placement.key}"`;
  if (placement.sub !== null) {
    if (placement.kind !== 'element') return `attribute "${placement.sub}" outside an element`;
    const allowed = NOTES_SCHEMA.nodes[placement.name] ?? [];
    if (!allowed.includes(placement.sub)) return `attribute "${placement.sub}" on "${placement.name}"`;
    return content instanceof Y.ContentAny && content.arr.length === 1 ? null : 'an attribute that is not a value';
  }
  if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) {
    return placement.kind === 'text' ? null : `text in a ${placement.kind}`;
  }
  if (content instanceof Y.ContentType) {
    const type = typeOf(content);
    if (type?.kind === 'text') return placement.kind === 'element' ? null : `a text in a ${placement.kind}`;
    return placement.kind === 'root' || placement.kind === 'element' ? null : `an element in a ${placement.kind}`;
  }
  return `content in a ${placement.kind}`;
}

function isAttributeValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_ATTRIBUTE_CHARS;
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

/** A mark as y-prosemirror stores it: the mark's name, and its attributes (null when the mark is removed). */
function markProblem(key: string, value: unknown): string | null {
  if (!Object.hasOwn(NOTES_SCHEMA.marks, key)) return `mark "${key}"`;
  if (value === null) return null;
  const allowed = NOTES_SCHEMA.marks[key] ?? [];
  if (allowed.length === 0) {
    // Bold and italic carry no attributes; another Yjs client may write `true`.
    const empty = value === true || (isPlainObject(value) && Object.keys(value).length === 0);
    return empty ? null : `attributes on mark "${key}"`;
  }
  if (!isPlainObject(value)) return `mark "${key}" without attributes`;
  for (const [name, attribute] of Object.entries(value)) {
    if (!allowed.includes(name)) return `attribute "${name}" on mark "${key}"`;
    if (attribute !== null && !(typeof attribute === 'string' && attribute.length <= MAX_ATTRIBUTE_CHARS))
      return `attribute "${name}" on mark "${key}"`;
  }
  if (key === 'link') {
    const href = (value as Record<string, unknown>).href;
    if (typeof href !== 'string' || !isAllowedNoteLink(href))
      return 'a link that is not to a web page or e-mail address';
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
