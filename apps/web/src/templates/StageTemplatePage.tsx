import {
  STAGE_TEMPLATE_LIMITS,
  type StageDefinition,
  type StageTemplateView,
  stageTemplateProblem,
} from '@consultboard/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, apiDelete, apiPut } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { SignedInLayout } from '../components/SignedInLayout';
import { SignedInPage } from '../components/SignedInPage';
import { useAction } from '../useAction';
import { useApiData } from '../useApiData';
import { usePageTitle } from '../usePageTitle';
import { StageEditor, stageControlId } from './StageEditor';
import { addStage, changeStage, moveStage, newStageId, removeStage, setHelpfulStage } from './templateEdits';
import './templates.css';

/** "/localities/:id/template": the admin, or the locality's EP, adjusts the stages its sessions run through. */
export default function StageTemplatePage({ id }: { id: string }) {
  return (
    <SignedInPage action="template.edit">
      <StageTemplate id={id} />
    </SignedInPage>
  );
}

/** Moves focus once React has drawn the change (a moved stage's button, a new stage's name). */
function focusSoon(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

function StageTemplate({ id }: { id: string }) {
  const loaded = useApiData<{ template: StageTemplateView }>(`/api/localities/${encodeURIComponent(id)}/template`);
  const template = loaded.data?.template;
  usePageTitle(template ? `Stage template: ${template.localityName}` : 'Stage template');
  const [stages, setStages] = useState<StageDefinition[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    if (template) setStages(template.stages);
  }, [template]);

  if (!template || !stages) {
    return (
      <SignedInLayout>
        <h1>Stage template</h1>
        <ErrorAlert message={loaded.error} />
        {!loaded.error && <p>Loading…</p>}
      </SignedInLayout>
    );
  }

  const edit = (next: StageDefinition[]) => {
    setSaved(null);
    setStages(next);
  };
  const problem = stageTemplateProblem(stages);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (problem) {
      setError(problem);
      return;
    }
    await run(
      async () => {
        const answer = await apiPut<{ template: StageTemplateView }>(
          `/api/localities/${encodeURIComponent(id)}/template`,
          { stages },
        );
        loaded.setData(answer);
        setSaved('Template saved. Sessions that start from now on use it.');
      },
      (caught) => {
        // The server names what is wrong: show its first field message rather than the general sentence.
        const first = caught instanceof ApiError ? Object.values(caught.fields)[0] : undefined;
        if (first && caught instanceof Error) caught.message = first;
      },
    );
  }

  async function restore() {
    await run(async () => {
      const answer = await apiDelete<{ template: StageTemplateView }>(
        `/api/localities/${encodeURIComponent(id)}/template`,
      );
      loaded.setData(answer);
      setConfirmRestore(false);
      setSaved('The default template is restored.');
    });
  }

  return (
    <SignedInLayout>
      <p className="breadcrumb">
        <Link href="/templates">Stage templates</Link>
      </p>
      <h1>Stage template: {template.localityName}</h1>
      <p>
        {template.custom ? 'This locality has its own template.' : 'This locality uses the default template.'} A session
        takes the template when it starts and keeps it: changes here never alter a live or past session.
      </p>
      <form onSubmit={save} noValidate aria-labelledby="stages-heading">
        <h2 id="stages-heading">Stages</h2>
        <ol className="template-stages">
          {stages.map((stage, index) => (
            <StageEditor
              key={stage.id}
              stage={stage}
              index={index}
              count={stages.length}
              onChange={(change) => edit(changeStage(stages, stage.id, change))}
              onHelpful={(on) => edit(setHelpfulStage(stages, stage.id, on))}
              onMove={(by) => {
                edit(moveStage(stages, index, by));
                // Keep focus on the button used, or its partner once the stage reaches the top or bottom.
                const edge = index + by === 0 || index + by === stages.length - 1;
                const control = edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
                focusSoon(`#${stageControlId(stage.id, control)}`);
              }}
              onRemove={() => {
                edit(removeStage(stages, stage.id));
                focusSoon('#add-stage');
              }}
            />
          ))}
        </ol>
        <div className="stack">
          <p>
            <button
              type="button"
              id="add-stage"
              className="button secondary"
              disabled={stages.length >= STAGE_TEMPLATE_LIMITS.stages.max}
              onClick={() => {
                const stageId = newStageId(stages);
                edit(addStage(stages, stageId));
                focusSoon(`[data-focus="${stageControlId(stageId, 'name')}"]`);
              }}
            >
              Add stage
            </button>
          </p>
          {problem && <p className="field-error">{problem}</p>}
          <ErrorAlert message={error} />
          <p role="status">{saved}</p>
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy}>
              Save template
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              aria-expanded={confirmRestore}
              onClick={() => setConfirmRestore(!confirmRestore)}
            >
              Restore the default
            </button>
          </div>
          {confirmRestore && (
            <div className="panel stack">
              <p>The default stages, from Preparation to Action plan, replace this locality's own.</p>
              <div className="button-row">
                <button type="button" className="button primary" disabled={busy} onClick={restore}>
                  Yes, restore the default
                </button>
                <button type="button" className="button secondary" onClick={() => setConfirmRestore(false)}>
                  Keep these stages
                </button>
              </div>
            </div>
          )}
        </div>
      </form>
    </SignedInLayout>
  );
}
