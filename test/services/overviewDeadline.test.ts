/** Issue 17: a year gone by is no emergency — 概览 says what the year is instead of a red count of days. */
import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';

const svc = servicesPerTest({ demo: true, prefix: 'fazhi-deadline-' });
const call = svc.call;

describe('概览 报送期限 by the kind of year', () => {
  it('open before the due day; overdue after it while the year is the newest and no final report went out', async () => {
    expect((await call('export.history', { year: 2024 })).filter((x) => !x.draft)).toEqual([]);
    expect((await call('overview.get', { year: 2024, today: '2025-02-01' })).deadline).toMatchObject({ status: 'open', daysLeft: 58, exportedOn: null });
    expect((await call('overview.get', { year: 2024, today: '2025-06-01' })).deadline).toMatchObject({ status: 'overdue', daysLeft: -62 });
  });

  it('past once a later year exists or the final report was exported; figures-only years have nothing to send', async () => {
    await call('years.createNext', { after: 2024, start: 'headings' });
    expect((await call('overview.get', { year: 2024, today: '2027-09-01' })).deadline).toMatchObject({ status: 'past', exportedOn: null });
    // the new year itself, long after its own due day and with nothing after it, is overdue
    expect((await call('overview.get', { year: 2025, today: '2027-09-01' })).deadline.status).toBe('overdue');
    const r = await call('export.docx', { year: 2025, draft: true });
    await call('export.recorded', { year: 2025, id: r.record.id });
    expect((await call('overview.get', { year: 2025, today: '2027-09-01' })).deadline.status).toBe('overdue');
    await call('years.createPrevious', {});
    expect((await call('overview.get', { year: 2023, today: '2027-09-01' })).deadline.status).toBe('figuresOnly');
  });

  it('a final export makes the year past, with the day it went out', async () => {
    const r = await call('export.docx', { year: 2024 });
    await call('export.recorded', { year: 2024, id: r.record.id });
    const d = (await call('overview.get', { year: 2024, today: '2027-09-01' })).deadline;
    expect(d.status).toBe('past');
    expect(d.exportedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
