// Compose services in the container model: splitting like Compose, `$$`, `.env` interpolation, merge keys,
// both syntaxes of depends_on and environment, x-herd-ignore, and the shared rules through the model.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { detectLanguage, initShellParser, lint } from '../../server/src/engine';
import { parseCompose, splitComposeString } from '../../server/src/parse/compose';
import { composeContainers } from '../../server/src/parse/container';
import { sourceText } from '../../server/src/parse/source';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';
import { containerCompletions } from '../../server/src/lsp/completion';

before(() => initShellParser());

const model = (text: string, dotenv?: string, uri = 'file:///w/compose.yaml') => parseCompose(sourceText(uri, text), { dotenv });
const words = (text: string) => splitComposeString({ text, base: 0 }).map((w) => w.text);
const ids = (text: string, uri = 'file:///w/compose.yaml', dotenv?: string) => lint({ uri, text, dotenv }).findings.map((f) => f.ruleId);

describe('compose detection', () => {
  it('by name, overrides and variants included; by the dockercompose language id', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'compose.override.yaml', 'docker-compose.prod.yml', 'docker-compose-mysql.yaml']) {
      assert.equal(detectLanguage(`/w/${name}`, 'services: {}\n'), 'compose', name);
    }
    assert.equal(detectLanguage('/w/stack.yaml', 'services: {}\n'), undefined);
    assert.equal(detectLanguage('/w/stack.yaml', 'services: {}\n', 'dockercompose'), 'compose');
    assert.equal(detectLanguage('/w/pod.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
  });
});

describe('splitting like Compose', () => {
  it('blanks separate, quotes group, no shell operators', () => {
    assert.deepEqual(words(`a  "b c" 'd "e"' f\\ g && h`), ['a', 'b c', 'd "e"', 'f g', '&&', 'h']);
    assert.deepEqual(words(`sh -c 'echo "$x" > /tmp/o'`), ['sh', '-c', 'echo "$x" > /tmp/o']);
  });
  it('maps each word to its characters in the document', () => {
    const m = model('services:\n  a:\n    command: run "x y" z\n');
    const argv = m.services[0].command!.argv;
    assert.deepEqual(argv.map((w) => w.text), ['run', 'x y', 'z']);
    const text = m.source.text;
    assert.equal(text.slice(argv[1].offsets![0], argv[1].offsets![3]), 'x y');
  });
});

describe('interpolation', () => {
  it('$$ is a literal $, and no interpolation is recorded for it', () => {
    const s = model('services:\n  a:\n    command: ["sh", "-c", "echo $$HOME"]\n').services[0];
    assert.equal(s.command!.argv[2].text, 'echo $HOME');
    assert.deepEqual(s.command!.interpolations, []);
  });
  it('${VAR} and ${VAR:-default} from the .env beside the file; unknown without it', () => {
    const text = 'services:\n  a:\n    image: ${REG}/app:${TAG:-1.0}\n    command: serve --port ${PORT}\n';
    const known = model(text, 'REG=ghcr.io/acme\nPORT="8080"\n').services[0];
    assert.equal(known.image!.text, 'ghcr.io/acme/app:${TAG:-1.0}');
    assert.deepEqual(known.command!.argv.map((w) => w.text), ['serve', '--port', '8080']);
    const unknown = model(text).services[0];
    assert.equal(unknown.image!.text, '${REG}/app:${TAG:-1.0}');
    assert.deepEqual(unknown.command!.interpolations.map((i) => i.name), ['PORT']);
  });
  it('an interpolated secret is not a literal; a .env value does not make it one in the file', () => {
    const text = 'services:\n  a:\n    image: app:1\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n      - bad\n';
    assert.ok(!ids('services:\n  a:\n    image: app:1\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD}\n').includes('no-secrets-in-env'));
    assert.ok(ids('services:\n  a:\n    image: app:1\n    environment:\n      - DB_PASSWORD=hunter2\n').includes('no-secrets-in-env'));
    assert.ok(text.length > 0);
  });
});

describe('the service model', () => {
  it('merge keys and x- blocks: the merged command, image and environment', () => {
    const m = model('x-base: &base\n  image: busybox:1.36\n  command: sleep infinity\n  environment:\n    A: "1"\nservices:\n  a:\n    <<: *base\n    privileged: true\n  x-not-a-service:\n    image: x\n');
    assert.equal(m.services.length, 1);
    const [c] = composeContainers(m);
    assert.equal(c.image?.text, 'busybox:1.36');
    assert.deepEqual(c.env.map((e) => [e.name, e.value]), [['A', '1']]);
    assert.ok(c.startCommand);
    assert.ok(c.privileged);
  });
  it('depends_on short and long; one-off services', () => {
    const m = model('services:\n  a:\n    image: a:1\n    depends_on: [b]\n  b:\n    image: b:1\n    restart: "no"\n    profiles: [tools]\n    depends_on:\n      a:\n        condition: service_healthy\n');
    assert.deepEqual(m.services[0].dependsOn.map((d) => [d.name, d.short]), [['b', true]]);
    assert.deepEqual(m.services[1].dependsOn.map((d) => [d.name, d.short, d.condition]), [['a', false, 'service_healthy']]);
    assert.deepEqual(m.services.map((s) => s.oneOff), [false, true]);
  });
  it('entrypoint + command is the start command; command alone starting with a flag is left to the image', () => {
    const [withEntry, flagsOnly] = composeContainers(model('services:\n  a:\n    image: a:1\n    entrypoint: ["sh", "-c"]\n    command: ["app & tail -f /dev/null"]\n  b:\n    image: b:1\n    command: --verbose\n'));
    assert.equal(withEntry.startCommand?.form, 'shell');
    assert.equal(flagsOnly.startCommand, undefined);
  });
});

describe('the shared rules on Compose', () => {
  it('background, keep-alive, supervisor, log redirection, privileged, host network, tags', () => {
    const text = [
      'services:',
      '  a:',
      '    image: busybox',
      '    command: ["sh", "-c", "app > /var/log/app.log 2>&1 & tail -f /dev/null"]',
      '  b:',
      '    image: b:1.0',
      '    command: supervisord -n',
      '    privileged: true',
      '    network_mode: host',
      '',
    ].join('\n');
    assert.deepEqual(ids(text).sort(), ['host-network', 'log-to-stdout', 'no-background-process', 'no-keepalive-command', 'no-privileged', 'one-process-per-container', 'pin-image-tag']);
  });
  it('a string command runs no shell: `&` in it is an argument, not a background job', () => {
    assert.deepEqual(ids('services:\n  a:\n    image: a:1\n    command: app & sleep infinity\n'), ['compose-shell-operators']);
  });
  it('the main process writing its logs to a file', () => {
    assert.deepEqual(ids('services:\n  a:\n    image: a:1\n    command: ["sh", "-c", "exec app >> /var/log/app.log"]\n'), ['log-to-stdout']);
  });
  it('image beside build names the build output: no tag finding', () => {
    assert.deepEqual(ids('services:\n  a:\n    build: .\n    image: acme/app\n'), []);
  });
  it('a dev container in .devcontainer/ idles by design', () => {
    const text = 'services:\n  dev:\n    image: mcr.microsoft.com/devcontainers/base:1\n    command: sleep infinity\n';
    assert.deepEqual(ids(text, 'file:///w/.devcontainer/compose.yaml'), []);
    assert.deepEqual(ids(text), ['no-keepalive-command']);
  });
  it("a devcontainer.json's service idles by design; the other services of its Compose file do not", () => {
    const text = 'services:\n  dev:\n    image: mcr.microsoft.com/devcontainers/base:1\n    command: sleep infinity\n  db:\n    image: busybox:1.36\n    command: tail -f /dev/null\n';
    const json = '{\n  // JSON with comments\n  "dockerComposeFile": ["../compose.yaml"],\n  "service": "dev",\n}\n';
    const found = lint({ uri: 'file:///w/compose.yaml', text, devcontainerJson: json }).findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}`);
    assert.deepEqual(found, ['no-keepalive-command 7']);
    // a devcontainer.json that names another file changes nothing
    const other = lint({ uri: 'file:///w/compose.yaml', text, devcontainerJson: '{"dockerComposeFile": "other.yml", "service": "dev"}' }).findings.map((f) => f.ruleId);
    assert.deepEqual(other, ['no-keepalive-command', 'no-keepalive-command']);
  });
  it('a one-off service may write its output to a file', () => {
    const text = 'services:\n  dump:\n    image: postgres:16\n    restart: "no"\n    profiles: [tools]\n    command: ["sh", "-c", "pg_dump db > /backup/db.sql"]\n';
    assert.deepEqual(ids(text), []);
  });
});

describe('suppression', () => {
  it('x-herd-ignore on a service, # herd-ignore comments', () => {
    assert.deepEqual(ids('services:\n  a:\n    x-herd-ignore: "no-privileged, pin-image-tag"\n    image: a\n    privileged: true\n'), []);
    assert.deepEqual(ids('services:\n  a:\n    image: a:1\n    # herd-ignore no-privileged -- needs devices\n    privileged: true\n'), []);
    assert.deepEqual(ids('# herd-ignore-file no-privileged\nservices:\n  a:\n    image: a:1\n    privileged: true\n'), []);
  });
});

describe('build + target: the linked Dockerfile stage', () => {
  const DOCKERFILE = [
    'FROM node:20-slim AS dev',
    'CMD ["npm", "run", "dev"]',
    'FROM node:20-slim AS prod',
    'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n');
  const lintLinked = (compose: string) => {
    const index = new WorkspaceIndex({ roots: ['/w'] });
    index.setDisk('file:///w/api/Dockerfile', DOCKERFILE, false);
    index.setDisk('file:///w/compose.yaml', compose, false);
    return lint({ uri: 'file:///w/compose.yaml', text: compose }, { workspace: index }).findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
  };
  it('a stage without ENTRYPOINT: command alone is the start command, flags included', () => {
    const compose = 'services:\n  api:\n    build:\n      context: ./api\n      target: dev\n    command: ["-c", "sleep infinity"]\n';
    // with no ENTRYPOINT, `-c` would be the program: nothing that the rules know
    assert.deepEqual(lintLinked(compose), []);
    assert.deepEqual(lintLinked(compose.replace('["-c", "sleep infinity"]', '["sleep", "infinity"]')), ['no-keepalive-command 6:16']);
  });
  it("the target stage's docker-entrypoint.sh runs the command; another exec ENTRYPOINT is composed with it, its words at the command key", () => {
    const compose = 'services:\n  api:\n    build:\n      context: ./api\n      target: prod\n    command: ["sh", "-c", "node server.js & tail -f /dev/null"]\n';
    assert.deepEqual(lintLinked(compose), ['no-background-process 6:43', 'no-keepalive-command 6:45']);
    const supervised = 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.sup\n    command: ["-n"]\n';
    const index = new WorkspaceIndex({ roots: ['/w'] });
    index.setDisk('file:///w/api/Dockerfile.sup', 'FROM python:3.12-slim\nENTRYPOINT ["supervisord", "-c", "/etc/s.conf"]\n', false);
    index.setDisk('file:///w/compose.yaml', supervised, false);
    const found = lint({ uri: 'file:///w/compose.yaml', text: supervised }, { workspace: index }).findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
    assert.deepEqual(found, ['one-process-per-container 6:5']);
  });
  it('an entrypoint of the service resets the image CMD and ENTRYPOINT', () => {
    const compose = 'services:\n  api:\n    build: ./api\n    entrypoint: ["supervisord", "-n"]\n';
    assert.deepEqual(lintLinked(compose), ['one-process-per-container 4:19']);
  });
});

describe('healthcheck completion in a service', () => {
  const complete = (text: string, line: number, character: number, snippets = false) =>
    containerCompletions({ uri: 'file:///w/compose.yaml', text, languageId: 'dockercompose' }, { line, character }, { snippets });
  it('offers the family healthcheck at a key position of a service without one, replacing the typed word', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: shop\n    hea\n  app:\n    image: acme/app:1\n';
    const items = complete(text, 5, 7);
    assert.deepEqual(items.map((i) => i.label), ['healthcheck']);
    const edit = items[0].textEdit as { range: unknown; newText: string };
    assert.deepEqual(edit.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 7 } });
    assert.equal(edit.newText, 'healthcheck:\n      test: ["CMD", "pg_isready", "-U", "shop"]\n      interval: 10s\n      timeout: 5s\n      retries: 5');
    // inserted, the file parses and the service has a healthcheck that waits can rely on
    const done = text.replace('    hea\n', `    ${edit.newText}\n`);
    const waiting = done.replace('    image: acme/app:1\n', '    image: acme/app:1\n    depends_on:\n      db:\n        condition: service_healthy\n');
    assert.deepEqual(lint({ uri: 'file:///w/compose.yaml', text: waiting }).findings.map((f) => f.ruleId), []);
  });
  it('an unknown image: an HTTP check with the port as a tab stop; nothing where a healthcheck exists or off a key position', () => {
    const text = 'services:\n  api:\n    image: acme/api:2\n    \n';
    const [item] = complete(text, 3, 4, true);
    assert.equal((item.textEdit as { newText: string }).newText, 'healthcheck:\n      test: ["CMD-SHELL", "wget -qO- http://localhost:${1:8080}/ || exit 1"]\n      interval: 10s\n      timeout: 5s\n      retries: 5');
    assert.deepEqual(complete('services:\n  api:\n    image: a:1\n    healthcheck:\n      test: ["CMD", "true"]\n    \n', 5, 4), []);
    assert.deepEqual(complete('services:\n  api:\n    image: a:1\n', 2, 11), []);
  });
});

describe('broken Compose YAML', () => {
  it('nesting deeper than the parser can recurse: one yaml-syntax error where it starts, the services still linted', () => {
    const text = `services:\n  app:\n    image: app:1\n    command: sleep infinity\nx-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const result = lint({ uri: 'file:///w/compose.yaml', text });
    assert.deepEqual(
      result.findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`),
      ['no-keepalive-command 4:14', 'yaml-syntax 5:264'],
    );
  });

  it('a syntax error in one document: one yaml-syntax error there, the other document still linted', () => {
    const text = 'services:\n  app:\n    image: app:1\n    command: sleep infinity\n---\nservices: [unclosed\n';
    assert.deepEqual(ids(text).sort(), ['no-keepalive-command', 'yaml-syntax']);
  });
});
