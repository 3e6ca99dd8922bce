import t from 'tap';
import { subdomainTaken } from '../../src/checks/subdomain.ts';
import { answer } from './helpers.ts';

// A subdomain someone else holds is not the server's fault, whichever status says so (issue 21, item 5).
t.test('a taken subdomain: 409, or 400/422 saying so', async (t) => {
  const refused = (status: number, message: unknown) => answer(status, { success: false, message });
  t.ok(subdomainTaken(refused(409, 'conflict')), '409, whatever the message');
  t.ok(subdomainTaken(refused(400, 'subdomain is already taken')));
  t.ok(subdomainTaken(refused(422, ['subdomain already exists'])), 'a list of messages (E72)');
  t.ok(subdomainTaken(refused(400, 'Duplicate entry for key subdomain')));
  t.notOk(subdomainTaken(refused(400, 'subdomain must be longer than or equal to 3 characters')), 'a length refusal is not a clash');
  t.notOk(subdomainTaken(refused(422, 42)), 'no message text');
  t.notOk(subdomainTaken(refused(404, 'already exists')), 'other statuses are not a clash');
  t.notOk(subdomainTaken(answer(201, { success: true, payload: {} })));
});
