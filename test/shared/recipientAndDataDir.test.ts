import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recipientLine } from '../../src-shared/report/recipient';
import { dataDirFromEnv, defaultDataDir } from '../../src-main/services/dataDir';
import { dashStamp, secondStamp } from '../../src-main/store/timeStamp';

describe('主送机关 line (one rule for the preview, the print and the .docx)', () => {
  it('adds one full-width colon, keeps a typed one, turns a half-width one full-width', () => {
    expect(recipientLine('区委全面依法治区委员会办公室')).toBe('区委全面依法治区委员会办公室：');
    expect(recipientLine('区委依法治区办：')).toBe('区委依法治区办：');
    expect(recipientLine('区委依法治区办:')).toBe('区委依法治区办：');
  });
});

describe('FAZHI_DATA_DIR (one reading for the CLI, the web bridge and the desktop app)', () => {
  it('is trimmed and resolved; blank counts as unset', () => {
    expect(dataDirFromEnv({ FAZHI_DATA_DIR: '  /tmp/fazhi-data \n' })).toBe(path.resolve('/tmp/fazhi-data'));
    expect(dataDirFromEnv({ FAZHI_DATA_DIR: '   ' })).toBeNull();
    expect(dataDirFromEnv({})).toBeNull();
    expect(defaultDataDir({ FAZHI_DATA_DIR: ' /tmp/x ' }, 'linux')).toBe(path.resolve('/tmp/x'));
    expect(defaultDataDir({ FAZHI_DATA_DIR: ' ', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', '法治年报', 'data'));
  });
});

describe('file-name stamps', () => {
  it('the saved backup name and the internal stamp name the same second', () => {
    const d = new Date(2026, 10, 25, 18, 30, 1, 123);
    expect(secondStamp(d)).toBe('20261125T183001');
    expect(dashStamp(d)).toBe('20261125-183001');
  });
});
