import type { Message } from '../ui';

/** A host's outcome as a message: a warning when Excel could not do everything. */
export const outcomeMessage = (o: { message: string; notes: string[] }): Message => ({ intent: o.notes.length ? 'warning' : 'success', text: o.message, notes: o.notes });
