/** Whatever an import stores backs up and restores: MISP claim ids stay short, whatever the relation type. */
import { describe, expect, it } from 'vitest';
import { validateBackup } from '../../../src/core/db/backup';
import { applyImport, exportBackup, previewImport, restoreBackup } from '../../../src/core/db/import-export';
import { MAX_ID } from '../../../src/core/db/limits';
import { detectAndParse } from '../../../src/core/importers/index';
import { freshRepo } from '../importers/helpers';

const U1 = '0a2b4c6d-1111-4222-8333-944445555661';
const U2 = '0a2b4c6d-1111-4222-8333-944445555662';

const mispWithType = (type: string) =>
  JSON.stringify({
    type: 'threat-actor',
    name: 'T',
    values: [
      { value: 'Zeta Spider', uuid: U1, related: [{ 'dest-uuid': U2, type }] },
      { value: 'Eta Spider', uuid: U2 },
    ],
  });

describe('MISP relation types and claim ids', () => {
  it('an ordinary type keeps the claim id it always had', () => {
    const plan = detectAndParse(mispWithType('Similar'), 't.json');
    expect(plan.claims.map((c) => c.id)).toEqual([`misp:${U1}:similar:${U2}`]);
  });

  it('a 700-character type gives a short, stable claim id, and the backup taken afterwards restores', async () => {
    const file = mispWithType('x'.repeat(700));
    const plan = detectAndParse(file, 't.json');
    const id = plan.claims[0]!.id;
    expect(id.length).toBeLessThanOrEqual(MAX_ID);
    expect(detectAndParse(file, 't.json').claims[0]!.id).toBe(id);
    expect(detectAndParse(mispWithType(`${'x'.repeat(699)}y`), 't.json').claims[0]!.id).not.toBe(id);

    const repo = await freshRepo();
    await applyImport(repo, plan);
    const again = await previewImport(repo, detectAndParse(file, 't.json'));
    expect([again.newClaims.length, again.updatedClaims.length]).toEqual([0, 0]);
    const backup = JSON.stringify(await exportBackup(repo));
    await expect(restoreBackup(await freshRepo(), backup)).resolves.toMatchObject({ claims: expect.any(Number) });
  });

  it('a backup holding a long claim id written by earlier versions still restores', async () => {
    const repo = await freshRepo();
    await applyImport(repo, detectAndParse(mispWithType('Similar'), 't.json'));
    const backup = await exportBackup(repo);
    const claim = backup.claims.find((c) => c.id.startsWith(`misp:${U1}`))!;
    claim.id = `misp:${U1}:${'x'.repeat(700)}:${U2}`;
    expect(validateBackup(backup).errors).toEqual([]);
  });
});
