import type { Command } from '@consultboard/domain';

/** A command as a screen describes it; the id is added when it is sent. */
export type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;
