import type { ReactNode } from 'react';

/**
 * What prints with a running head at the top of every page: browsers repeat a table's head on each printed page.
 * (Chromium draws a `position: fixed` element put in the page's margin at the foot of the page before, and none
 * on the last; `@page` margin boxes are not in every browser.) On screen the table is plain blocks and its head
 * is not shown; it is only a layout, so it is presented as none.
 */
export function PrintFrame({ head, children }: { head: string; children: ReactNode }) {
  return (
    <table className="print-frame" role="presentation">
      <thead>
        <tr>
          <td className="print-running-head">{head}</td>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
    </table>
  );
}
