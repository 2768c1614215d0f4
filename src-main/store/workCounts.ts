/**
 * How much reading work this process's stores have done: files parsed from disk and year
 * contents copied for a caller. The bench reports them per screen opened, as evidence that does
 * not depend on how busy the machine is; nothing else reads them.
 */
export const workCounts = { filesParsed: 0, yearCopies: 0 };
