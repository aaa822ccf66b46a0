import StageTemplatePage from './StageTemplatePage';
import StageTemplatesPage from './StageTemplatesPage';

/** "/templates" (no id) and "/localities/:id/template": the two stage template pages, loaded as one chunk. */
export default function StageTemplateRoutes({ id }: { id?: string }) {
  return id === undefined ? <StageTemplatesPage /> : <StageTemplatePage id={id} />;
}
