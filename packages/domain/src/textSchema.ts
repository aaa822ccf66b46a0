import { z } from 'zod';
import {
  BIDI_CONTROL_MESSAGE,
  type Checked,
  hasDirectionCharacters,
  isWellFormedText,
  NOT_WELL_FORMED_MESSAGE,
} from './textRules.js';

/**
 * The one way a schema takes a string: text that is not well-formed Unicode (a lone surrogate) is refused first,
 * with one clear message, because SQLite would store it as invalid UTF-8 and read it back as other characters.
 * Every string in the domain's schemas starts here (textSchema.test.ts walks them all to make sure).
 */
export function text() {
  return z.string().refine(isWellFormedText, { message: NOT_WELL_FORMED_MESSAGE, abort: true });
}

/** A name or reference shown to others: also refuses characters that reorder or disguise how it is shown. */
export function shownText() {
  return text().refine((value) => !hasDirectionCharacters(value), { message: BIDI_CONTROL_MESSAGE, abort: true });
}

/** Builds a schema from one of the zod-free text rules, so the server and the phone check text the same way. */
export function fromRule(rule: (input: string) => Checked) {
  return text().transform((input, context) => {
    const checked = rule(input);
    if (checked.ok) return checked.value;
    context.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });
}
