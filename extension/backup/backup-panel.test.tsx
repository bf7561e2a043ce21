// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shanghai } from '../../test/support/workflow';
import type { BackupActions } from './backup';
import { BackupPanel } from './backup-panel';
import { translatorFor } from '../ui/format';

const t = translatorFor('zh-CN');

afterEach(cleanup);

describe('BackupPanel', () => {
  it("names the file by the organisation's date (07:43 in Shanghai is still yesterday in UTC)", async () => {
    const download = vi.fn();
    const actions = { exportText: vi.fn(async () => '{}') } as unknown as BackupActions;
    render(
      <BackupPanel
        t={t}
        actions={actions}
        clock={() => new Date(shanghai('2026-12-08 07:43'))}
        timeZone="Asia/Shanghai"
        download={download}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: t('backup.export') }));
    });
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    expect(download.mock.calls[0]![0]).toBe('complaint-desk-backup-2026-12-08.json');
  });
});
