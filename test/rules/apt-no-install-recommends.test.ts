import { ruleTable } from '../helpers/rule-table';

ruleTable('apt-no-install-recommends', {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'flag before the action', code: 'FROM debian:12-slim\nRUN apt-get --no-install-recommends -y install curl\n' },
    { name: '-o APT::Install-Recommends=false', code: 'FROM debian:12-slim\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    {
      name: 'apt configuration written by an earlier RUN',
      code: 'FROM debian:12-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99no-recommends\nRUN apt-get update && apt-get install -y curl\n',
    },
    { name: 'build stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
    { name: 'simulation', code: 'FROM debian:12-slim\nRUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo yes; fi\n' },
    { name: 'install -f without packages', code: 'FROM debian:12-slim\nRUN apt-get install -f -y\n' },
  ],
  invalid: [
    {
      name: 'suggestion inserts the flag after install',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
      errors: ['2:23-2:38'],
      messages: ['--no-install-recommends'],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'continuation: exact line; options before the action',
      code: 'FROM debian:12-slim\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get -y install \\\n   curl\n',
      errors: ['3:36-3:54'],
      output: 'FROM debian:12-slim\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get -y install --no-install-recommends \\\n   curl\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: ['4:1-4:16'],
      output: 'FROM debian:12-slim\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
    {
      name: 'exec form: the flag becomes the next JSON string',
      code: 'FROM debian:12-slim\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: ['2:7-2:25'],
      output: 'FROM debian:12-slim\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'bash -c string',
      code: "FROM debian:12-slim\nRUN bash -c 'apt-get install -y curl'\n",
      errors: ['2:14-2:29'],
      output: "FROM debian:12-slim\nRUN bash -c 'apt-get install --no-install-recommends -y curl'\n",
    },
    {
      name: 'recommends turned on again with -o',
      code: 'FROM debian:12-slim\nRUN apt-get install -y -o APT::Install-Recommends=true curl\n',
      errors: ['2:5-2:20'],
    },
    {
      name: 'two installs, two findings',
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl; apt install -y git\n',
      errors: ['2:5-2:20', '2:30-2:41'],
    },
  ],
});
