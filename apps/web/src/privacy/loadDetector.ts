/**
 * The privacy guard's detector (its word lists are large) is fetched only where a warning while typing helps: the
 * signed-in forms and the EP's console. The phone never loads it: the server checks what a phone sends.
 */
export const loadDetector = () => import('@consultboard/domain/privacy').then((module) => module.findPersonalData);
