import type { ThemeTable } from '@consultboard/domain';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Colours that stay apart for the common colour-blindnesses (the Okabe–Ito palette, darkened where needed for 3:1
 * against white); each series also keeps its place in every group and its name in the legend and the table.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9', '#000000'];

const SIZE = { width: 640, height: 300, left: 44, right: 8, top: 12, bottom: 64 };

/** The figure's width in pixels, drawn at one SVG unit a pixel so its type stays 16 px on a phone too. */
function useDrawnWidth() {
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(SIZE.width);
  useLayoutEffect(() => {
    const element = figure.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.min(SIZE.width, Math.floor(element.clientWidth))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { figure, width };
}

/** A theme as grouped bars: one group per row (half term, band), one bar per column (area, type, outcome). */
export function ThemeChart({ theme, titleId }: { theme: ThemeTable; titleId: string }) {
  const { figure, width } = useDrawnWidth();
  const { left, right, top, bottom } = SIZE;
  const height = width < 480 ? 240 : SIZE.height;
  const rows = theme.rows;
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const x = scaleBand<string>({
    domain: rows.map((row) => row.key),
    range: [0, width - left - right],
    padding: 0.2,
  });
  const series = scaleBand<number>({
    domain: theme.columns.map((_, index) => index),
    range: [0, x.bandwidth()],
    padding: 0.08,
  });
  const y = scaleLinear<number>({ domain: [0, max], range: [height - top - bottom, 0], nice: true });
  const labelOf = new Map(rows.map((row) => [row.key, row.label]));
  const wholeTicks = y.ticks(Math.min(5, max)).filter((tick) => Number.isInteger(tick));
  return (
    <figure className="theme-chart" ref={figure}>
      {theme.columns.length > 1 && (
        <ul className="theme-legend" aria-hidden="true">
          {theme.columns.map((column, index) => (
            <li key={column.key}>
              <span className="theme-swatch" data-series={index % SERIES_COLOURS.length} />
              {column.label}
            </li>
          ))}
        </ul>
      )}
      {/* The table beside the chart holds the same figures for screen readers: the picture is a summary. */}
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId}-chart`}
        className="theme-svg"
      >
        <title id={`${titleId}-chart`}>{theme.title}</title>
        <Group left={left} top={top}>
          {rows.map((row) => (
            <Group key={row.key} left={x(row.key) ?? 0}>
              {row.values.map((value, index) => {
                const barHeight = height - top - bottom - y(value);
                return (
                  <Bar
                    // biome-ignore lint/suspicious/noArrayIndexKey: a series keeps its place in every group
                    key={index}
                    x={series(index) ?? 0}
                    y={y(value)}
                    width={series.bandwidth()}
                    height={Math.max(0, barHeight)}
                    fill={SERIES_COLOURS[index % SERIES_COLOURS.length]}
                  >
                    <title>{`${row.label}, ${theme.columns[index]?.label}: ${value}`}</title>
                  </Bar>
                );
              })}
            </Group>
          ))}
          <AxisLeft
            scale={y}
            tickValues={wholeTicks}
            tickFormat={(value) => String(value)}
            tickLabelProps={tickLabel}
          />
          <AxisBottom
            top={height - top - bottom}
            scale={x}
            tickFormat={(key) => labelOf.get(key) ?? key}
            tickLabelProps={() => ({
              ...tickLabel(),
              textAnchor: 'middle',
              verticalAnchor: 'start',
              dy: 6,
              width: x.bandwidth(),
            })}
          />
        </Group>
      </svg>
    </figure>
  );
}

function tickLabel() {
  return { fontSize: 16, fill: '#1a1a1a', fontFamily: 'inherit' };
}
