import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore, IN_MEMORY } from '../../desk/embedded-store';
import { newRequest, storeContract } from './store-contract';

describe('the embedded store (node:sqlite)', () => {
  storeContract((options) => Promise.resolve(new EmbeddedStore({ file: IN_MEMORY, ...options })));

  it('keeps requests and the desk in its file across a restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-store-'));
    try {
      const file = join(folder, 'nested', 'desk.sqlite');
      const first = new EmbeddedStore({ file });
      const created = await first.create(newRequest());
      await first.close();
      const second = new EmbeddedStore({ file });
      expect((await second.get(created.request.id))?.request).toEqual(created.request);
      await second.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
