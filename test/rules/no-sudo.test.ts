import { ruleTable } from '../helpers/rule-table';

ruleTable('no-sudo', {
  valid: [
    'FROM debian:12-slim\nUSER root\nRUN apt-get update\nUSER app\n',
    { name: 'sudo as a package name', code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends sudo\n' },
    { name: 'sudoers configuration', code: 'FROM debian:12-slim\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers\n' },
    { name: 'quoted text', code: 'FROM debian:12-slim\nRUN echo "use sudo make install"\n' },
    { name: 'CMD is not RUN', code: 'FROM debian:12-slim\nCMD ["sudo", "-u", "app", "./run"]\n' },
  ],
  invalid: [
    {
      name: 'the sudo word',
      code: 'FROM debian:12-slim\nRUN sudo apt-get update\n',
      errors: ['2:5-2:9'],
      messages: ['USER root'],
      noFix: true,
    },
    {
      name: 'continuation line, subshell, build stage',
      code: 'FROM debian:12 AS build\nRUN ./configure \\\n && (make && sudo make install)\nFROM scratch\nCOPY --from=build /a /a\n',
      errors: ['3:14-3:18'],
    },
    {
      name: 'inside sh -c and a heredoc',
      code: 'FROM debian:12-slim\nRUN sh -c "exec sudo -u app ./setup"\nRUN <<EOF\nsudo chown app /data\nEOF\n',
      errors: ['2:17-2:21', '4:1-4:5'],
    },
  ],
});
