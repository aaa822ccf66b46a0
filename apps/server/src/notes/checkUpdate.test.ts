import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './checkUpdate.js';
import { notesText, paragraphUpdate } from './testing.js';

const STAGE = 'stage:current-situation';

/** Everything one client's edit adds, as its editor would send it. */
function edit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment(STAGE));
  return Y.encodeStateAsUpdate(doc, before);
}

function paragraph(text: string, marks?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text, marks);
  element.insert(0, [content]);
  return element;
}

type Crafted = {
  client: number;
  clock: number;
  content: Y.Item['content'];
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  parent?: string | Y.ID;
  parentSub?: string;
};

/** An update written struct by struct, as no editor would write it (one client, contiguous clocks). */
function craft(structs: Crafted[], deletions: [client: number, clock: number, len: number][] = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = new Map<number, Crafted[]>();
  for (const struct of structs) byClient.set(struct.client, [...(byClient.get(struct.client) ?? []), struct]);
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, (list[0] as Crafted).clock);
    for (const s of list) {
      const item = new Y.Item(
        Y.createID(client, s.clock),
        null,
        s.origin ?? null,
        null,
        s.rightOrigin ?? null,
        (s.parent ?? null) as never,
        s.parentSub ?? null,
        s.content,
      );
      item.write(encoder, 0);
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deletions.length);
  for (const [client, clock, len] of deletions) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoder.writeDsClock(clock);
    encoder.writeDsLen(len);
  }
  return encoder.toUint8Array();
}

const check = (room: Y.Doc, update: Uint8Array) => checkUpdate(room, Y.decodeUpdate(update));

/** Whether Yjs itself would leave pending data, found the slow way: on a copy of the room. */
function yjsLeavesPending(room: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
}

describe('checkUpdate: pending data', () => {
  it('accepts what an editor sends, and returns bytes that make the same document', () => {
    const room = new Y.Doc();
    const client = new Y.Doc();
    const updates = [
      edit(client, (f) => f.push([paragraph('J5M reads well one to one')])),
      edit(client, (f) => f.push([paragraph('Bold', { bold: {} })])),
      edit(client, (f) =>
        f.push([paragraph('Local offer', { link: { href: 'https://www.example.org/local-offer', target: '_blank' } })]),
      ),
      edit(client, (f) => {
        const list = new Y.XmlElement('orderedList');
        list.setAttribute('start', 3 as never);
        const item = new Y.XmlElement('listItem');
        item.insert(0, [paragraph('A key adult at the gate')]);
        list.insert(0, [item]);
        f.push([list]);
      }),
      edit(client, (f) => ((f.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 4)),
    ];
    for (const update of updates) {
      const verdict = check(room, update);
      expect(verdict.ok).toBe(true);
      if (verdict.ok && verdict.update) Y.applyUpdate(room, verdict.update);
    }
    expect(notesText(room)).toBe(notesText(client));
    expect(room.store.pendingStructs).toBeNull();
  });

  it('refuses an update after a gap in its client’s clocks, and one that needs an edit the room lacks', () => {
    const room = new Y.Doc();
    const a = new Y.Doc();
    const first = paragraphUpdate(a, 'First');
    const second = paragraphUpdate(a, 'Second');
    expect(check(room, second)).toMatchObject({ ok: false, reason: 'pending' });
    expect(yjsLeavesPending(room, second)).toBe(true);

    // B writes after A's paragraph, which the room has not got.
    const b = new Y.Doc();
    Y.applyUpdate(b, first);
    const fromB = paragraphUpdate(b, 'After A');
    expect(check(room, fromB)).toMatchObject({ ok: false, reason: 'pending' });
    expect(yjsLeavesPending(room, fromB)).toBe(true);

    // Once the room has A's first edit, both are fine; with both in one update, in any order, too.
    expect(check(room, Y.mergeUpdates([fromB, first]))).toMatchObject({ ok: true });
    Y.applyUpdate(room, first);
    expect(check(room, second)).toMatchObject({ ok: true });
    expect(check(room, fromB)).toMatchObject({ ok: true });
  });

  it('refuses a deletion of clocks nobody has written', () => {
    const room = new Y.Doc();
    Y.applyUpdate(room, paragraphUpdate(new Y.Doc(), 'Kept'));
    const client = [...room.store.clients.keys()][0] as number;
    const beyond = craft([], [[client, 0, 1000]]);
    expect(check(room, beyond)).toMatchObject({ ok: false, reason: 'pending' });
    expect(yjsLeavesPending(room, beyond)).toBe(true);
    const unknown = craft([], [[424242, 0, 1]]);
    expect(check(room, unknown)).toMatchObject({ ok: false, reason: 'pending' });
    expect(check(room, craft([], [[client, 0, 1]]))).toMatchObject({ ok: true });
  });

  it('stores only what the room lacks: a repeated update or a delete set it has already applied stores nothing', () => {
    const room = new Y.Doc();
    const client = new Y.Doc();
    const update = paragraphUpdate(client, 'Once');
    Y.applyUpdate(room, update);
    expect(check(room, update)).toEqual({ ok: true, update: null });
    edit(client, (f) => f.delete(0, 1));
    const deleting = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    const verdict = check(room, deleting);
    expect(verdict.ok && verdict.update).toBeTruthy();
    if (verdict.ok && verdict.update) Y.applyUpdate(room, verdict.update);
    // A reconnecting client's sync step 2 always carries its whole delete set: nothing new in it.
    expect(check(room, Y.encodeStateAsUpdate(client, Y.encodeStateVector(room)))).toEqual({ ok: true, update: null });

    // Half known: only the new half is stored.
    const more = paragraphUpdate(client, 'Twice');
    const both = Y.mergeUpdates([update, more]);
    const half = check(room, both);
    expect(half.ok ? half.update?.byteLength : undefined).toBeLessThan(both.byteLength);
  });

  it('refuses a struct that refers to itself or to a later clock of its own client', () => {
    const room = new Y.Doc();
    const selfish = craft([
      { client: 7, clock: 0, parent: STAGE, content: new Y.ContentType(new Y.XmlElement('paragraph')) },
      { client: 7, clock: 1, origin: Y.createID(7, 5), content: new Y.ContentType(new Y.XmlElement('paragraph')) },
    ]);
    expect(check(room, selfish)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('agrees with Yjs about pending data on random multi-client histories delivered out of order', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 20; round++) {
      const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      const sent: Uint8Array[] = [];
      for (let step = 0; step < 40; step++) {
        const doc = clients[Math.floor(random() * clients.length)] as Y.Doc;
        sent.push(
          edit(doc, (f) => {
            const roll = random();
            if (roll < 0.4 || f.length === 0) f.insert(Math.floor(random() * (f.length + 1)), [paragraph(`p${step}`)]);
            else if (roll < 0.7) {
              const text = (f.get(Math.floor(random() * f.length)) as Y.XmlElement).get(0) as Y.XmlText;
              text.insert(Math.floor(random() * (text.length + 1)), `t${step}`, random() < 0.3 ? { bold: {} } : {});
            } else f.delete(Math.floor(random() * f.length), 1);
          }),
        );
        // Clients hear from each other now and then, so edits depend on other clients' edits.
        if (random() < 0.3) {
          const [from, to] = [clients[step % 3], clients[(step + 1) % 3]] as [Y.Doc, Y.Doc];
          Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        }
      }
      const room = new Y.Doc();
      const waiting = [...sent].sort(() => random() - 0.5);
      while (waiting.length > 0) {
        const update = waiting.shift() as Uint8Array;
        const verdict = check(room, update);
        expect(!verdict.ok && verdict.reason === 'pending').toBe(yjsLeavesPending(room, update));
        if (verdict.ok && verdict.update) Y.applyUpdate(room, verdict.update);
        else if (!verdict.ok) waiting.push(update);
        expect(room.store.pendingStructs).toBeNull();
      }
      const everything = new Y.Doc();
      for (const update of sent) Y.applyUpdate(everything, update);
      expect(notesText(room)).toBe(notesText(everything));
    }
  });
});

describe('checkUpdate: the notes schema', () => {
  const refused = (update: Uint8Array, room = new Y.Doc()) =>
    expect(check(room, update)).toMatchObject({ ok: false, reason: 'schema' });

  it('refuses elements, marks and links the notes do not have', () => {
    const client = new Y.Doc();
    refused(
      edit(client, (f) => {
        const script = new Y.XmlElement('script');
        script.insert(0, [new Y.XmlText('alert(1)')]);
        f.push([script]);
      }),
    );
    refused(edit(new Y.Doc(), (f) => f.push([paragraph('Click', { link: { href: 'javascript:alert(1)' } })])));
    refused(edit(new Y.Doc(), (f) => f.push([paragraph('Data', { link: { href: 'data:text/html,x' } })])));
    refused(edit(new Y.Doc(), (f) => f.push([paragraph('Struck', { strike: {} })])));
    refused(
      edit(new Y.Doc(), (f) => f.push([paragraph('Styled', { link: { href: 'https://x.example', style: 'x' } })])),
    );
    refused(
      edit(new Y.Doc(), (f) => {
        const element = paragraph('Handled');
        element.setAttribute('onclick', 'alert(1)');
        f.push([element]);
      }),
    );
  });

  it('refuses other top-level types and other kinds of content', () => {
    const text = new Y.Doc();
    text.getText('scratch').insert(0, 'not notes');
    refused(Y.encodeStateAsUpdate(text));
    const map = new Y.Doc();
    map.getMap('stage:current-situation').set('x', 1);
    refused(Y.encodeStateAsUpdate(map));
    refused(craft([{ client: 3, clock: 0, parent: STAGE, content: new Y.ContentEmbed({ image: 'x' }) }]));
    refused(craft([{ client: 3, clock: 0, parent: STAGE, content: new Y.ContentBinary(new Uint8Array([1])) }]));
    refused(craft([{ client: 3, clock: 0, parent: STAGE, content: new Y.ContentType(new Y.Map()) }]));
  });

  it('refuses text where y-prosemirror expects an element, which would break every editor showing it', () => {
    // A string at the top of a stage, and one straight inside a paragraph (not in a text).
    refused(craft([{ client: 3, clock: 0, parent: STAGE, content: new Y.ContentString('loose') }]));
    refused(
      craft([
        { client: 3, clock: 0, parent: STAGE, content: new Y.ContentType(new Y.XmlElement('paragraph')) },
        { client: 3, clock: 1, parent: Y.createID(3, 0), content: new Y.ContentString('loose') },
      ]),
    );
    // Next to an element already in the room: its parent is found in the room's store.
    const room = new Y.Doc();
    Y.applyUpdate(room, paragraphUpdate(new Y.Doc(), 'Existing'));
    const [client, structs] = [...room.store.clients][0] as [number, (Y.Item | Y.GC)[]];
    const element = structs.find((s) => s instanceof Y.Item && s.content instanceof Y.ContentType) as Y.Item;
    refused(craft([{ client: 9, clock: 0, origin: element.id, content: new Y.ContentString('loose') }]), room);
    expect(
      check(
        room,
        craft([
          { client: 9, clock: 0, origin: element.id, content: new Y.ContentType(new Y.XmlElement('bulletList')) },
        ]),
      ),
    ).toMatchObject({ ok: true });
    expect(client).toBeGreaterThan(0);
  });
});
