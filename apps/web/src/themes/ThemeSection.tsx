import type { ThemeTable } from '@consultboard/domain';
import { ThemeChart } from './ThemeChart';

/** A half term's school year ("2026-27") kept on one line: a narrow column would break it after the hyphen. */
function rowName(label: string) {
  const year = /^(.*) (\d{4}-\d{2})$/.exec(label);
  if (!year) return label;
  return (
    <>
      {year[1]} <span className="nowrap">{year[2]}</span>
    </>
  );
}

/** One theme: its heading, the chart, the same figures as a table beside it, a sentence, and its CSV. */
export function ThemeSection({ theme, csvHref }: { theme: ThemeTable; csvHref: string }) {
  const headingId = `theme-${theme.id}`;
  const empty = theme.rows.every((row) => row.values.every((value) => value === 0));
  return (
    <section className="panel theme" aria-labelledby={headingId}>
      <h2 id={headingId}>{theme.title}</h2>
      {theme.summary && <p>{theme.summary}</p>}
      {empty ? (
        <p className="muted">Nothing to count in this range.</p>
      ) : (
        <div className="theme-body">
          <ThemeChart theme={theme} titleId={headingId} />
          {/* Scrolls sideways on a small phone: focusable, so a keyboard can scroll it too. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled */}
          <section className="theme-table-wrap" tabIndex={0} aria-label={`${theme.title}: the figures`}>
            <table className="theme-table">
              <caption className="visually-hidden">{theme.title}: the figures</caption>
              <thead>
                <tr>
                  <th scope="col">{theme.rowHeading}</th>
                  {theme.columns.map((column) => (
                    <th scope="col" key={column.key}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {theme.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{rowName(row.label)}</th>
                    {row.values.map((value, index) => (
                      <td key={theme.columns[index]?.key ?? index}>{value}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      <p>
        <a href={csvHref} download>
          Download CSV<span className="visually-hidden">: {theme.title}</span>
        </a>
      </p>
    </section>
  );
}
