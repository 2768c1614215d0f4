/** Which content items the regulation requires that no level-1 part of the report answers yet. */
import type { Part } from '../domain/report';
import { REQUIRED_CONTENT_ITEMS, type ContentItem } from '../domain/vocabulary';

export function missingContentItems(parts: readonly Pick<Part, 'contentItem'>[]): ContentItem[] {
  const present = new Set(parts.map((p) => p.contentItem).filter(Boolean));
  return REQUIRED_CONTENT_ITEMS.filter((item) => !present.has(item));
}
