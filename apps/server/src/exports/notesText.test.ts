import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesLines } from './notesText.js';

function element(name: string, ...children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
}

describe('notesLines', () => {
  it('reads paragraphs, headings and list items as lines, leaving empty paragraphs out', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('stage:current-situation');
    const bold = new Y.XmlText('Mornings');
    fragment.insert(0, [
      element('heading', bold),
      element('paragraph', new Y.XmlText('Arrives anxious on Mondays.')),
      element('paragraph'),
      element(
        'bulletList',
        element('listItem', element('paragraph', new Y.XmlText('Visual timetable'))),
        element('listItem', element('paragraph', new Y.XmlText('Calm corner'))),
      ),
      element('paragraph', new Y.XmlText('Line one'), element('hardBreak'), new Y.XmlText('line two')),
    ]);
    bold.format(0, 8, { bold: true });
    expect(notesLines(fragment)).toEqual([
      'Mornings',
      'Arrives anxious on Mondays.',
      '- Visual timetable',
      '- Calm corner',
      'Line one',
      'line two',
    ]);
  });

  it('numbers the items of a numbered list from its start, and indents what an item holds after its first line', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('stage:strategies-and-resources');
    const numbered = element(
      'orderedList',
      element('listItem', element('paragraph', new Y.XmlText('Meet and greet'))),
      element(
        'listItem',
        element('paragraph', new Y.XmlText('Sand timer')),
        element('bulletList', element('listItem', element('paragraph', new Y.XmlText('at the door')))),
      ),
    );
    const later = element('orderedList', element('listItem', element('paragraph', new Y.XmlText('Review in May'))));
    later.setAttribute('start', '4' as never);
    fragment.insert(0, [numbered, later]);
    expect(notesLines(fragment)).toEqual([
      '1. Meet and greet',
      '2. Sand timer',
      '   - at the door',
      '4. Review in May',
    ]);
  });

  it('is empty for a stage with no notes', () => {
    expect(notesLines(new Y.Doc().getXmlFragment('stage:desired-situation'))).toEqual([]);
  });
});
