import { ruleTable } from '../helpers/rule-table';

ruleTable('copy-not-add', {
  valid: [
    'FROM alpine:3.20\nCOPY app /app\n',
    { name: 'URL', code: 'FROM alpine:3.20\nADD https://example.com/app.bin /app\n' },
    { name: 'URL with --checksum', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a\n' },
    { name: 'git source', code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'git source with --keep-git-dir', code: 'FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.10.1 /src\n' },
    { name: 'local tar archives are unpacked', code: 'FROM scratch\nADD rootfs.tar.gz /\nADD a.tar b.tgz c.tar.bz2 d.tar.xz e.txz /x/\n' },
    { name: 'variable source', code: 'FROM alpine:3.20\nARG SRC\nADD ${SRC} /app\n' },
    { name: 'exec form archive', code: 'FROM scratch\nADD ["rootfs.tar.xz", "/"]\n' },
  ],
  invalid: [
    {
      name: 'local file: ADD → COPY',
      code: 'FROM alpine:3.20\nADD app.py /app/\n',
      errors: ['2:1-2:4'],
      messages: ['COPY'],
      output: 'FROM alpine:3.20\nCOPY app.py /app/\n',
    },
    {
      name: 'flags COPY also has are kept',
      code: 'FROM alpine:3.20\nADD --chown=1000:1000 --chmod=755 --link run.sh /usr/local/bin/\n',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\nCOPY --chown=1000:1000 --chmod=755 --link run.sh /usr/local/bin/\n',
    },
    {
      name: 'lower-case keyword, exec form, multi-line',
      code: 'FROM alpine:3.20\nadd [ "my file.txt", \\\n  "/app/" ]\n',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\ncopy [ "my file.txt", \\\n  "/app/" ]\n',
    },
    {
      name: 'every stage, directories and globs',
      code: 'FROM alpine:3.20 AS build\nADD src/ /src\nFROM alpine:3.20\nADD *.conf /etc/app/\n',
      errors: ['2:1-2:4', '4:1-4:4'],
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n',
      errors: ['2:1-2:4'],
      output: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
    },
  ],
});
