// `npm start`: shows the checker at work on the example plans, the same way CI would run it.
import { spawnSync } from 'child_process';

const cli = ['server/out/cli.js', 'check'];
console.log('Plan as Code: checking the complete example plans (expect no problems)\n');
spawnSync(process.execPath, [...cli, 'examples/marketing.plan.yaml', 'examples/sales.plan.yaml'], { stdio: 'inherit' });
console.log('\nAnd the flawed drafts in examples/flawed, which show every rule firing:\n');
spawnSync(process.execPath, [...cli, 'examples/flawed'], { stdio: 'inherit' });
console.log(`
Next:
  - in VS Code, open this folder and run "Run Extension" (F5) to edit the examples with live diagnostics;
  - any LSP client can start the server with: node server/out/server.js --stdio;
  - in CI: npx plan-as-code check <folder> --format sarif --output plans.sarif`);
