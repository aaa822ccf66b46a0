import { AREA_OF_NEED_LABELS, PREPARATION_LABELS } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { AREA_LABELS, PREPARATION_SECTION_LABELS } from './preparationLabels';

describe('the live meeting’s preparation labels', () => {
  it('are the domain’s, word for word', () => {
    expect(PREPARATION_SECTION_LABELS).toEqual(PREPARATION_LABELS);
    expect(AREA_LABELS).toEqual(AREA_OF_NEED_LABELS);
  });
});
