import { AREA_OF_NEED_LABELS, PREPARATION_LABELS, type Preparation } from '@consultboard/domain';

const SECTIONS = ['currentSituation', 'triedSoFar', 'desiredSituation', 'aim'] as const;

/**
 * The consultation preparation form, read-only: on the case page for the EP, and in the Preparation stage.
 * `level` is the heading level of its sections, to fit under the page's own headings.
 */
export function PreparationView({
  preparation,
  level,
  className,
}: {
  preparation: Preparation;
  level: 2 | 3;
  className?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className={`preparation${className ? ` ${className}` : ''}`}>
      {SECTIONS.map((section) => (
        <div key={section} className="preparation-section">
          <Heading>{PREPARATION_LABELS[section]}</Heading>
          <p className="preparation-text">
            {preparation[section].trim() || <span className="muted">Not written.</span>}
          </p>
        </div>
      ))}
      <div className="preparation-section">
        <Heading>Areas of need</Heading>
        {preparation.areasOfNeed.length === 0 ? (
          <p className="muted">None chosen.</p>
        ) : (
          <ul>
            {preparation.areasOfNeed.map((area) => (
              <li key={area}>{AREA_OF_NEED_LABELS[area]}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
