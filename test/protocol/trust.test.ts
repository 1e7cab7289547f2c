/**
 * Workspace trust over stdio: the client says in `initializationOptions` that the workspace is
 * not trusted, so a repository's `.planrc.yaml` may lower `maxFileSize` but not raise it, until
 * `planAsCode/didGrantWorkspaceTrust`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { DidGrantWorkspaceTrustNotification } from '../../shared/protocol';
import { serverForSuite, type PublishedDiagnostics } from './lsp-client';

const CLEAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/clean-marketing.plan.yaml'), 'utf8');
/** The user's own `planAsCode.maxFileSize`: under the clean plan's length. */
const OWN_LIMIT = Math.floor(CLEAN.length / 2);

function codes(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map((diagnostic) => diagnostic.code);
}

describe('language server in an untrusted workspace', function () {
  this.timeout(20000);
  const server = serverForSuite('plan-trust-', {}, { workspaceTrusted: false });
  const raised = () => server.uriOf('raised/plan.plan.yaml');
  const lowered = () => server.uriOf('lowered/plan.plan.yaml');

  before(() => {
    server.client.settings = { maxFileSize: OWN_LIMIT };
    for (const [folder, limit] of [['raised', CLEAN.length * 10], ['lowered', 50]] as const) {
      fs.mkdirSync(path.join(server.folder, folder));
      fs.writeFileSync(path.join(server.folder, folder, '.planrc.yaml'), `maxFileSize: ${limit}\n`);
    }
  });

  it('ignores a .planrc.yaml that raises maxFileSize, and says so', async () => {
    const published = await server.client.open(raised(), CLEAN);
    assert.deepStrictEqual(codes(published), ['plan/too-large', 'plan/config']);
    const [tooLarge, config] = published.diagnostics;
    assert.match(tooLarge.message, new RegExp(`over the limit of ${OWN_LIMIT.toLocaleString('en')} `));
    assert.match(config.message, /\.planrc\.yaml: `maxFileSize` \([\d,]+\) is not applied because the workspace is not trusted/);
  });

  it('applies a .planrc.yaml that lowers maxFileSize', async () => {
    const published = await server.client.open(lowered(), 'kind: sales\ntitle: A sales plan over fifty characters long\n');
    assert.deepStrictEqual(codes(published), ['plan/too-large']);
    assert.match(published.diagnostics[0].message, /over the limit of 50 /);
  });

  it('checks the plan under the repository’s limit once the workspace is trusted', async () => {
    const next = server.client.nextDiagnostics(raised());
    await server.client.connection.sendNotification(DidGrantWorkspaceTrustNotification.type);
    assert.deepStrictEqual(codes(await next), [], 'the clean plan is checked and clean');
    const edited = await server.client.change(lowered(), 2, [{ text: 'kind: sales\ntitle: Still a sales plan over fifty characters long\n' }]);
    assert.deepStrictEqual(codes(edited), ['plan/too-large'], 'a lower limit still applies');
  });
});
