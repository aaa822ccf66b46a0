import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { contentProblem, type Placement, placementIn, placementProblem, typeOf } from './notesSchema.js';

/** A client update as `Y.decodeUpdate` reads it: its structs, client by client, and its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type UpdateVerdict =
  /** `update` is what the room applies, stores and relays: only what it lacks (null when that is nothing). */
  { ok: true; update: Uint8Array | null } | { ok: false; reason: 'pending' | 'schema' | 'malformed'; detail: string };

/** One struct of the update, less any part the room already holds. */
interface Ref {
  struct: Y.Item | Y.GC;
  /** How many of the struct's clocks the room already holds (its first `offset` are not written again). */
  offset: number;
  client: number;
  /** The first clock this adds, and the one after its last. */
  clock: number;
  end: number;
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  parent: string | Y.ID | null;
  /** Where it lands, once the simulation has integrated it (items only). */
  placement: Placement | null;
}

/** No client types billions of characters; past this, clocks would lose precision as numbers. */
const MAX_CLOCK = 2 ** 32;

class Refused extends Error {
  constructor(
    readonly reason: 'pending' | 'schema' | 'malformed',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Decides, before anything touches the room's document, whether a client update may be applied to it, and
 * returns the exact bytes that will be stored and relayed.
 *
 * Refused: an update Yjs would keep as pending data (a struct after a gap in its client's clocks, one that
 * refers to an edit neither the room nor the update holds, a deletion of clocks nobody has written), since
 * Yjs re-merges all pending data on every later update; and anything the notes' schema does not allow.
 *
 * How: the room's state vector and the update's structs are enough to replay Yjs's own integration order
 * (`integrateStructs`: a client's structs in clock order, jumping to the client a struct depends on) on
 * clocks alone, so the check costs O(structs + deletions) plus a binary search in the room's struct store
 * for each reference into it. No scratch copy of the document is made: that would cost O(document) per update.
 *
 * The bytes returned hold only what the room lacks: structs cut at the room's state vector (as `Y.diffUpdate`
 * cuts them) and only the deletions that delete something not yet deleted. So the cap counts what is stored,
 * a reconnecting phone's sync step 2 (which always carries its whole delete set) stores nothing, and what is
 * stored, applied and relayed is the same update.
 */
export function checkUpdate(doc: Y.Doc, decoded: DecodedUpdate): UpdateVerdict {
  try {
    const groups = groupByClient(doc, decoded.structs);
    const state = integrateOnClocks(doc, groups);
    const deletions = effectiveDeletions(doc, decoded.ds, state);
    return { ok: true, update: encodeStored(groups, deletions) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, detail: error.message };
    throw error;
  }
}

/** The update's structs by client, each client's in clock order and less what the room already holds. */
function groupByClient(doc: Y.Doc, structs: DecodedUpdate['structs']): Map<number, Ref[]> {
  const groups = new Map<number, Ref[]>();
  let current: number | null = null;
  let expected = 0;
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (client !== current) {
      // A stock encoder writes each client once; Yjs would silently keep only the last of two.
      if (groups.has(client)) throw new Refused('malformed', `client ${client} appears twice`);
      groups.set(client, []);
      current = client;
    } else if (clock !== expected) throw new Refused('malformed', `client ${client} appears twice`);
    expected = clock + struct.length;
    if (expected > MAX_CLOCK) throw new Refused('malformed', 'a clock out of range');
    if (struct instanceof Y.Item) {
      const problem = contentProblem(struct);
      if (problem) throw new Refused('schema', problem);
    }
    // A skip is a gap: whatever follows it is caught as pending below, a trailing one adds nothing.
    if (struct instanceof Y.Skip) continue;
    const known = Y.getState(doc.store, client);
    if (clock + struct.length <= known) continue;
    const offset = Math.max(0, known - clock);
    const item = struct instanceof Y.Item ? struct : null;
    (groups.get(client) as Ref[]).push({
      struct: struct as Y.Item | Y.GC,
      offset,
      client,
      clock: clock + offset,
      end: clock + struct.length,
      // Written from `offset`, an item's left neighbour is its own previous clock, and its parent is inherited.
      origin: offset > 0 ? Y.createID(client, clock + offset - 1) : (item?.origin ?? null),
      rightOrigin: item?.rightOrigin ?? null,
      parent: offset > 0 ? null : ((item?.parent as string | Y.ID | null) ?? null),
      placement: null,
    });
  }
  return groups;
}

/**
 * Replays Yjs's integration order on clocks: every struct must integrate (else the update would leave pending
 * structs), and each item is checked against the schema where it lands. Returns the room's state vector as it
 * will be once the update is applied.
 */
function integrateOnClocks(doc: Y.Doc, groups: Map<number, Ref[]>): Map<number, number> {
  return new Replay(doc, groups).run();
}

/** One replay of `integrateOnClocks` (a class, not closures: nothing is allocated per call but its state). */
class Replay {
  readonly state = new Map<number, number>();
  private readonly next = new Map<number, number>();
  private readonly targets: number[] = [];
  private readonly stack: Ref[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly groups: Map<number, Ref[]>,
  ) {
    for (const [client, refs] of groups) if (refs.length > 0) this.targets.push(client);
    this.targets.sort((a, b) => a - b);
  }

  run(): Map<number, number> {
    let head = this.nextTarget();
    while (head) {
      // A client's structs are cut at the room's state and contiguous, so each is due exactly when reached.
      if (this.stateOf(head.client) !== head.clock)
        throw new Refused('pending', `a gap before clock ${head.clock} of client ${head.client}`);
      const needs = this.missing(head);
      if (needs !== null) {
        this.stack.push(head);
        const dependency = this.take(needs);
        if (!dependency)
          throw new Refused('pending', `it depends on an edit of client ${needs} the room does not have`);
        head = dependency;
        continue;
      }
      if (head.struct instanceof Y.Item) {
        head.placement = placementOf(this.doc, this.groups, head);
        const problem = placementProblem(head.struct, head.placement);
        if (problem) throw new Refused('schema', problem);
      }
      this.state.set(head.client, head.end);
      head = this.stack.pop() ?? this.nextTarget();
    }
    return this.state;
  }

  private stateOf(client: number): number {
    return this.state.get(client) ?? Y.getState(this.doc.store, client);
  }

  private take(client: number): Ref | null {
    const refs = this.groups.get(client);
    const i = this.next.get(client) ?? 0;
    if (!refs || i >= refs.length) return null;
    this.next.set(client, i + 1);
    return refs[i] as Ref;
  }

  private nextTarget(): Ref | null {
    while (this.targets.length > 0) {
      const ref = this.take(this.targets.at(-1) as number);
      if (ref) return ref;
      this.targets.pop();
    }
    return null;
  }

  /** Which client's edit this struct needs and the room does not have yet, as Yjs's `Item.getMissing`. */
  private missing(ref: Ref): number | null {
    return this.needs(ref, ref.origin) ?? this.needs(ref, ref.rightOrigin) ?? this.needs(ref, ref.parent);
  }

  private needs(ref: Ref, id: string | Y.ID | null): number | null {
    if (!(id instanceof Y.ID)) return null;
    if (id.client === ref.client) {
      // Yjs assumes a reference to the same client is to an earlier clock; anything else throws mid-way.
      if (id.clock >= ref.clock) throw new Refused('malformed', 'a struct refers to itself or a later one');
      return null;
    }
    return id.clock >= this.stateOf(id.client) ? id.client : null;
  }
}

/** Where an item lands, resolved as `Item.getMissing` and `Item.integrate` resolve its parent. */
function placementOf(doc: Y.Doc, groups: Map<number, Ref[]>, ref: Ref): Placement {
  const item = ref.struct as Y.Item;
  if (typeof ref.parent === 'string') return { kind: 'root', key: ref.parent, sub: item.parentSub };
  if (ref.parent instanceof Y.ID) {
    const where = find(doc, groups, ref.parent);
    const found = where instanceof UpdateStruct ? where.ref.struct : where;
    if (!(found instanceof Y.Item) || !(found.content instanceof Y.ContentType)) return { kind: 'gone' };
    const type = typeOf(found.content);
    if (!type) return { kind: 'other', sub: item.parentSub };
    return type.kind === 'element'
      ? { kind: 'element', name: type.name, sub: item.parentSub }
      : { kind: 'text', sub: item.parentSub };
  }
  const left = ref.origin ? find(doc, groups, ref.origin) : null;
  const right = ref.rightOrigin ? find(doc, groups, ref.rightOrigin) : null;
  if (left instanceof Y.GC || right instanceof Y.GC) return { kind: 'gone' };
  const neighbour = left ?? right;
  if (!neighbour) return { kind: 'gone' };
  if (neighbour instanceof UpdateStruct) return neighbour.ref.placement ?? { kind: 'gone' };
  return placementIn(neighbour.parent as Y.AbstractType<unknown> | null, neighbour.parentSub);
}

/** A struct found among the update's own (already integrated in the simulation). */
class UpdateStruct {
  constructor(readonly ref: Ref) {}
}

/** The struct holding a clock: in the room if it had it before this update, else among the update's own. */
function find(doc: Y.Doc, groups: Map<number, Ref[]>, id: Y.ID): Y.Item | Y.GC | UpdateStruct | null {
  if (id.clock < Y.getState(doc.store, id.client)) return Y.getItem(doc.store, id) as Y.Item | Y.GC;
  const refs = groups.get(id.client) ?? [];
  let low = 0;
  let high = refs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const ref = refs[mid] as Ref;
    if (id.clock < ref.clock) high = mid - 1;
    else if (id.clock >= ref.end) low = mid + 1;
    else return ref.struct instanceof Y.GC ? ref.struct : new UpdateStruct(ref);
  }
  return null;
}

type Range = { clock: number; len: number };

/**
 * The deletions that change something: every range must fall within clocks the room will hold (else Yjs
 * keeps it as a pending delete), and of the room's own clocks only those not yet deleted are kept. Ranges
 * are merged first, so each struct of the room is visited at most once however the ranges overlap.
 */
function effectiveDeletions(doc: Y.Doc, ds: DecodedUpdate['ds'], state: Map<number, number>): Map<number, Range[]> {
  const result = new Map<number, Range[]>();
  for (const [client, ranges] of ds.clients) {
    const after = state.get(client) ?? Y.getState(doc.store, client);
    const before = Y.getState(doc.store, client);
    const structs = doc.store.clients.get(client);
    const kept: Range[] = [];
    for (const { clock, len } of merge(ranges)) {
      const end = clock + len;
      if (end > MAX_CLOCK) throw new Refused('malformed', 'a clock out of range');
      if (end > after) throw new Refused('pending', `a deletion of clocks client ${client} has not written`);
      if (clock < before && structs) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i] as Y.Item | Y.GC;
          if (struct.id.clock >= Math.min(end, before)) break;
          if (struct.deleted) continue;
          const from = Math.max(clock, struct.id.clock);
          push(kept, from, Math.min(end, before, struct.id.clock + struct.length) - from);
        }
      }
      if (end > before) push(kept, Math.max(clock, before), end - Math.max(clock, before));
    }
    if (kept.length > 0) result.set(client, kept);
  }
  return result;
}

function merge(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((range) => range.len > 0).sort((a, b) => a.clock - b.clock);
  const merged: Range[] = [];
  for (const { clock, len } of sorted) push(merged, clock, len);
  return merged;
}

/** Appends a range to ranges in clock order, joining it to the last when they touch or overlap. */
function push(ranges: Range[], clock: number, len: number): void {
  if (len <= 0) return;
  const last = ranges.at(-1);
  if (last && clock <= last.clock + last.len) last.len = Math.max(last.len, clock + len - last.clock);
  else ranges.push({ clock, len });
}

/** Writes what the room lacks as one Yjs (v1) update, as Yjs's own `diffUpdate` writes structs. */
function encodeStored(groups: Map<number, Ref[]>, deletions: Map<number, Range[]>): Uint8Array | null {
  const written = [...groups].filter(([, refs]) => refs.length > 0);
  if (written.length === 0 && deletions.size === 0) return null;
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, written.length);
  for (const [client, refs] of written) {
    encoding.writeVarUint(encoder.restEncoder, refs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, (refs[0] as Ref).clock);
    for (const ref of refs) ref.struct.write(encoder, ref.offset);
  }
  encoding.writeVarUint(encoder.restEncoder, deletions.size);
  for (const [client, ranges] of deletions) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoder.writeDsClock(range.clock);
      encoder.writeDsLen(range.len);
    }
  }
  return encoder.toUint8Array();
}
