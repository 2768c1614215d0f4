/**
 * How a missing figure is printed in place of its placeholder, and the pattern that finds either
 * mark again (the preview and the .docx highlight them). Its own small module so the renderer's
 * preview does not pull in the render module for one pattern.
 */

/** The final export never prints it (it refuses); the preview shows it. */
export const MISSING_MARK = (name: string) => `【${name}：未填报】`;
/** 征求意见稿: missing figures print as 【待填：指标名】. */
export const DRAFT_MARK = (name: string) => `【待填：${name}】`;
/** Either mark (one capturing group, for `split`). */
export const MISSING_MARK_RE = /(【[^【】]*：未填报】|【待填：[^【】]*】)/;
