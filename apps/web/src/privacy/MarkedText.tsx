import type { PersonalDataFinding } from '@consultboard/domain';

/** A text with its findings marked (`<mark>`), as React children: never parsed as HTML. */
export function MarkedText({
  text,
  findings,
}: {
  text: string;
  findings: readonly Pick<PersonalDataFinding, 'start' | 'end'>[];
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end > text.length) continue;
    if (finding.start > at) parts.push(text.slice(at, finding.start));
    parts.push(<mark key={finding.start}>{text.slice(finding.start, finding.end)}</mark>);
    at = finding.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
