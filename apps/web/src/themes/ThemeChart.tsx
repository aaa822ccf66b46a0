import type { ThemeTable } from '@consultboard/domain';
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FONT_SIZE, LINE_HEIGHT, labelWidthFor, layoutRows, type Measure } from './chartLayout';

/**
 * Colours that stay apart for the common colour-blindnesses (the Okabe–Ito palette, darkened where needed for 3:1
 * against white); each series also keeps its place in every group and its name in the legend and the table.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8A6D00', '#56B4E9', '#000000'];

const MAX_WIDTH = 640;
const MARGIN = { top: 4, right: 40, bottom: 40, gap: 10 };
const TEXT = '#1a1a1a';

/** The figure's width in pixels, drawn at one SVG unit a pixel so its type stays 16 px on a phone too. */
function useDrawnWidth() {
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(MAX_WIDTH);
  useLayoutEffect(() => {
    const element = figure.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.min(MAX_WIDTH, Math.floor(element.clientWidth))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { figure, width };
}

/** Measures text in the page's own font at the chart's size (a canvas, so nothing is laid out to measure it). */
function useMeasure(figure: RefObject<HTMLElement | null>): Measure {
  return useMemo(() => {
    const context = document.createElement('canvas').getContext('2d');
    return (text: string) => {
      if (!context) return text.length * FONT_SIZE * 0.6;
      const family = figure.current ? getComputedStyle(figure.current).fontFamily : 'sans-serif';
      context.font = `${FONT_SIZE}px ${family}`;
      return context.measureText(text).width;
    };
  }, [figure]);
}

/**
 * A theme as horizontal bars: one group a row (half term, wait, strategy, service) with its name to the left, in
 * lines, and one bar a column (area, type, outcome) in the legend's order. A chart of one series writes each bar's
 * figure at its end; the table beside the chart holds every figure.
 */
export function ThemeChart({ theme, titleId }: { theme: ThemeTable; titleId: string }) {
  const { figure, width } = useDrawnWidth();
  const measure = useMeasure(figure);
  const labelWidth = labelWidthFor(width);
  const plotLeft = labelWidth + MARGIN.gap;
  const plotWidth = Math.max(40, width - plotLeft - MARGIN.right);
  const columns = theme.columns.length;
  const {
    rows,
    height: plotHeight,
    barHeight,
  } = layoutRows(
    theme.rows.map((row) => row.label),
    columns,
    labelWidth,
    measure,
  );
  const height = MARGIN.top + plotHeight + MARGIN.bottom;
  const max = Math.max(1, ...theme.rows.flatMap((row) => row.values));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, plotWidth], nice: true });
  const ticks = x.ticks(Math.min(5, max)).filter((tick) => Number.isInteger(tick));
  return (
    <figure className="theme-chart" ref={figure}>
      {columns > 1 && (
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
        <Group top={MARGIN.top}>
          {rows.map((layout, rowIndex) => {
            const row = theme.rows[rowIndex];
            if (!row) return null;
            const bars = columns * barHeight;
            const firstLine = layout.top + (layout.height - layout.lines.length * LINE_HEIGHT) / 2 + FONT_SIZE - 1;
            return (
              <Group key={row.key}>
                <text x={labelWidth} y={firstLine} textAnchor="end" fontSize={FONT_SIZE} fill={TEXT}>
                  {layout.lines.map((line, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a name's lines keep their order
                    <tspan key={index} x={labelWidth} dy={index === 0 ? 0 : LINE_HEIGHT}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <Group left={plotLeft} top={layout.top + (layout.height - bars) / 2}>
                  {row.values.map((value, index) => (
                    <Bar
                      // biome-ignore lint/suspicious/noArrayIndexKey: a series keeps its place in every group
                      key={index}
                      x={0}
                      y={index * barHeight + 1}
                      width={x(value)}
                      height={barHeight - 2}
                      fill={SERIES_COLOURS[index % SERIES_COLOURS.length]}
                    >
                      <title>{`${row.label}, ${theme.columns[index]?.label}: ${value}`}</title>
                    </Bar>
                  ))}
                  {columns === 1 && (
                    <text
                      x={x(row.values[0] ?? 0) + 6}
                      y={barHeight / 2}
                      dominantBaseline="central"
                      fontSize={FONT_SIZE}
                      fill={TEXT}
                    >
                      {row.values[0] ?? 0}
                    </text>
                  )}
                </Group>
              </Group>
            );
          })}
          <line x1={plotLeft} x2={plotLeft} y1={0} y2={plotHeight} stroke={TEXT} />
          <AxisBottom
            top={plotHeight}
            left={plotLeft}
            scale={x}
            tickValues={ticks}
            tickFormat={(value) => String(value)}
            stroke={TEXT}
            tickStroke={TEXT}
            tickLabelProps={() => ({
              fontSize: FONT_SIZE,
              fill: TEXT,
              fontFamily: 'inherit',
              textAnchor: 'middle',
              dy: '0.25em',
            })}
          />
        </Group>
      </svg>
    </figure>
  );
}
