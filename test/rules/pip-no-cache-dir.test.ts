import { ruleTable } from '../helpers/rule-table';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isPipCacheOff } from '../../server/src/rules/cache/pip-no-cache-dir';

ruleTable('pip-no-cache-dir', {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
    { name: 'global option before install', code: 'FROM python:3.12-slim\nRUN pip --no-cache-dir install flask\n' },
    { name: 'optparse prefix --no-cache', code: 'FROM python:3.12-slim\nRUN pip install --no-cache flask\n' },
    { name: 'ENV PIP_NO_CACHE_DIR=1', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'PIP_NO_CACHE_DIR=off also disables the cache (pip compatibility)', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n' },
    { name: 'ARG default in a parent stage', code: 'FROM python:3.12-slim AS base\nARG PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask\n' },
    { name: 'ARG redeclared in the stage takes the global default', code: 'ARG PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nARG PIP_NO_CACHE_DIR\nRUN pip install flask\n' },
    { name: 'inline assignment', code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'exported earlier in the RUN', code: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n' },
    { name: 'env wrapper', code: 'FROM python:3.12-slim\nRUN env PIP_NO_CACHE_DIR=yes pip install flask\n' },
    { name: 'cache mount on /root/.cache/pip', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'cache mount on a user cache', code: 'FROM python:3.12-slim\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache,uid=1000 pip install --user flask\n' },
    { name: 'cache mount on the configured cache dir', code: 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN --mount=type=cache,target=/var/cache/pip pip install flask\n' },
    { name: 'build stage (a venv copied out)', code: 'FROM python:3.12 AS build\nRUN python -m venv /venv && /venv/bin/pip install flask\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\n' },
    { name: 'pip config set in an earlier RUN', code: 'FROM python:3.12-slim\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n' },
    { name: 'pip download is not install', code: 'FROM python:3.12-slim\nRUN pip download flask\n' },
    { name: 'uv has its own cache', code: 'FROM python:3.12-slim\nRUN uv pip install --system flask\n' },
  ],
  invalid: [
    {
      name: 'safe fix inserts --no-cache-dir after install',
      code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
      errors: ['2:5-2:16'],
      messages: ['--no-cache-dir'],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'python -m pip in a venv, continuation line',
      code: 'FROM python:3.12-slim\nRUN python -m venv /venv \\\n && /venv/bin/python3 -m pip install \\\n      flask\n',
      errors: ['3:5-3:37'],
      output: 'FROM python:3.12-slim\nRUN python -m venv /venv \\\n && /venv/bin/python3 -m pip install --no-cache-dir \\\n      flask\n',
    },
    {
      name: 'pip3 in sh -c',
      code: 'FROM python:3.12-slim\nRUN sh -c "pip3 install flask"\n',
      errors: ['2:12-2:24'],
      output: 'FROM python:3.12-slim\nRUN sh -c "pip3 install --no-cache-dir flask"\n',
    },
    {
      name: 'heredoc',
      code: 'FROM python:3.12-slim\nRUN <<EOF\npip install flask\nEOF\n',
      errors: ['3:1-3:12'],
      output: 'FROM python:3.12-slim\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-slim\nRUN ["pip", "install", "flask"]\n',
      errors: ['2:7-2:21'],
      output: 'FROM python:3.12-slim\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
    {
      name: 'ENV set after the RUN does not help it; an empty or invalid value is not set',
      code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n',
      errors: ['3:5-3:16'],
    },
    {
      name: 'an ARG before FROM is not in the RUN environment unless redeclared',
      code: 'ARG PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nRUN pip install flask\n',
      errors: ['3:5-3:16'],
    },
    {
      name: 'a plain shell assignment is not exported to pip',
      code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1; pip install flask\n',
      errors: ['2:25-2:36'],
    },
  ],
});

it('PIP_NO_CACHE_DIR: every strtobool value turns the cache off', () => {
  for (const v of ['1', 'true', 'yes', 'on', 'y', 't', '0', 'false', 'no', 'off', 'n', 'f', 'TRUE', 'Off']) assert.equal(isPipCacheOff(v), true, v);
  for (const v of [undefined, '', 'maybe', '2']) assert.equal(isPipCacheOff(v), false, String(v));
});
