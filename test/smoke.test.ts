import t from 'tap';
import { operationPath, UUID_PATTERN } from '../src/spec/operations.ts';

t.test('operation paths expand the uuid', async (t) => {
  t.equal(operationPath('GetSIPControlAppByUUID', 'abc'), '/rest/sip/app/abc');
  t.ok(UUID_PATTERN.test('123e4567-e89b-12d3-a456-426614174000'));
  t.notOk(UUID_PATTERN.test('123E4567-E89B-12D3-A456-426614174000'));
});
