/**
 * The bounds of the box every file the clerk brings in is read in (src-main/sandbox/box.ts). A real
 * report or ledger sheet needs a small part of each; a file that needs more is hostile or damaged.
 */

/** What the clerk reads when the box had to stop a reading: the file is refused, nothing written. */
export const BOX_REFUSED = '文件过大或已损坏，未导入';

/** V8 heap of the thread that parses (old generation, MB); exceeding it ends the thread. */
export const BOX_HEAP_MB = 320;
/** young generation of that thread (MB) */
export const BOX_YOUNG_MB = 32;
/**
 * Resident memory of the whole box process (MB), checked a few times a second from its idle main
 * thread: buffers (inflated zip parts, decoded text) live outside the V8 heap and are not bounded
 * by BOX_HEAP_MB. Together with the parent this stays well under 1 GB.
 */
export const BOX_RSS_MB = 640;
/** how often the box's main thread looks at its memory */
export const BOX_POLL_MS = 25;
/**
 * Wall time of one reading, start-up included. A 20,000-row workbook or a 100-page report is read
 * in a second or two even on a busy PC; this only ends a reading that loops.
 */
export const BOX_TIME_MS = 20_000;
/** readings at once (the bridge could be asked for many): the rest wait their turn */
export const BOX_MAX_PARALLEL = 2;
