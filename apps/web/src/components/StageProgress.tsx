import type { StageDefinition } from '@consultboard/domain';

/** The stages in order, the current one marked for sight (bar, bold) and for screen readers (aria-current). */
export function StageProgress({ stages, stageIndex }: { stages: readonly StageDefinition[]; stageIndex: number }) {
  if (stages.length === 0) return null;
  const percent = Math.round(((stageIndex + 1) / stages.length) * 100);
  return (
    <div className="stage-progress">
      <div className="progress-bar" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <ol aria-label="Stages">
        {stages.map((stage, index) => (
          <li
            key={stage.id}
            aria-current={index === stageIndex ? 'step' : undefined}
            className={index < stageIndex ? 'done' : index === stageIndex ? 'current' : undefined}
          >
            {stage.name}
          </li>
        ))}
      </ol>
    </div>
  );
}
