// The GitHub Pages workflow must be a valid GitHub Actions workflow, checked with GitHub's own
// parser and schema (@actions/workflow-parser), and must build, test and publish what we expect.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import YAML from 'yaml';
import { ROOT } from './support/paths.mjs';

// @actions/workflow-parser imports its schema JSON without `with { type: 'json' }`, which only
// bundlers accept. This loader hook (module.register, Node 18.19 or later) hands those JSON files
// to Node as plain ES modules.
const JSON_HOOK = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/node_modules/@actions/')) {
    const json = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: 'export default ' + json + ';', shortCircuit: true };
  }
  return nextLoad(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(JSON_HOOK)}`);
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } =
  await import('@actions/workflow-parser');

const WORKFLOW_PATH = '.github/workflows/pages.yml';
const source = readFileSync(path.join(ROOT, WORKFLOW_PATH), 'utf8');

// Every problem GitHub would report: YAML syntax, the workflow schema (unknown or misspelled
// keys, wrong types, bad expressions), and the job graph (`needs` naming a missing job).
async function workflowErrors(content) {
  const parsed = parseWorkflow({ name: WORKFLOW_PATH, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((error) => error.Message));
  }
  return errors;
}

const workflow = YAML.parse(source);
const { build, deploy } = workflow.jobs;
const stepIndex = (job, predicate) => job.steps.findIndex(predicate);
const usesAction = (name) => (step) => step.uses?.split('@')[0] === name;

test('pages.yml passes GitHub’s workflow parser and schema', async () => {
  assert.deepEqual(await workflowErrors(source), []);
});

test('the schema check rejects broken workflows', async (t) => {
  const broken = {
    'a misspelled key': ['runs-on:', 'runs_on:'],
    'an unknown permission': ['pages: write', 'pagez: write'],
    'an invalid permission level': ['id-token: write', 'id-token: writ'],
    'an unknown trigger': ['workflow_dispatch:', 'workflow_dispach:'],
    'a dependency on a missing job': ['needs: build', 'needs: biuld'],
    'an unclosed expression': ['page_url }}', 'page_url }'],
  };
  for (const [what, [from, to]] of Object.entries(broken)) {
    await t.test(what, async () => {
      assert.ok(source.includes(from), `the workflow no longer contains ${JSON.stringify(from)}`);
      const errors = await workflowErrors(source.replace(from, to));
      assert.ok(errors.length > 0, `accepted a workflow with ${what}`);
    });
  }
});

test('runs on every push to main and on demand', () => {
  assert.deepEqual(Object.keys(workflow.on).sort(), ['push', 'workflow_dispatch']);
  assert.deepEqual(workflow.on.push.branches, ['main']);
  assert.equal(workflow.concurrency.group, 'pages');
  assert.equal(workflow.concurrency['cancel-in-progress'], false);
});

test('build: a Debian 12 container runs the whole test suite, then uploads dist/', () => {
  const image = typeof build.container === 'string' ? build.container : build.container?.image;
  assert.equal(image, 'debian:12');

  const installsGit = (step) =>
    /apt-get install\b.*\sgit(\s|$)/m.test(step.run?.replace(/\\\n/g, ' '));
  const installGit = stepIndex(build, installsGit);
  const checkout = stepIndex(build, usesAction('actions/checkout'));
  const tests = stepIndex(build, (step) => step.run?.trim() === './build-scripts/test.sh');
  const upload = stepIndex(build, usesAction('actions/upload-pages-artifact'));
  assert.ok(installGit >= 0, 'git is installed in the container');
  assert.ok(installGit < checkout, 'git is installed before actions/checkout');
  assert.ok(checkout < tests, 'the tests run on the checked-out repository');
  assert.ok(tests >= 0 && tests < upload, 'dist/ is uploaded only after the tests pass');
  assert.equal(build.steps[upload].with.path.replace(/\/$/, ''), 'dist');
  assert.ok(stepIndex(build, usesAction('actions/configure-pages')) >= 0);
});

test('deploy: actions/deploy-pages to the github-pages environment', () => {
  assert.deepEqual([deploy.needs].flat(), ['build']);
  assert.equal(deploy['runs-on'], 'ubuntu-latest');
  assert.equal(deploy.permissions.pages, 'write');
  assert.equal(deploy.permissions['id-token'], 'write');
  assert.equal(deploy.environment.name, 'github-pages');

  const step = deploy.steps.find(usesAction('actions/deploy-pages'));
  assert.ok(step, 'a step uses actions/deploy-pages');
  assert.equal(
    deploy.environment.url.replace(/\s+/g, ''),
    `\${{steps.${step.id}.outputs.page_url}}`,
  );
});

test('only GitHub’s official actions, each pinned to a major version', () => {
  const uses = Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((step) => step.uses).map((step) => step.uses),
  );
  assert.ok(uses.length >= 4);
  for (const action of uses) {
    assert.match(
      action,
      /^actions\/(checkout|configure-pages|upload-pages-artifact|deploy-pages)@v\d+$/,
    );
  }
});
