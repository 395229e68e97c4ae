/** An input that cannot be read: the message says why; other inputs are still scanned. */
export class InputError extends Error {}
