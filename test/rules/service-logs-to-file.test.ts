import { ruleTable } from '../helpers/rule-table';

ruleTable('service-logs-to-file', {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nCMD ["./app"]\n',
    {
      name: 'logs already linked, in a later RUN',
      code: 'FROM debian:12-slim\nRUN apt-get install -y nginx\nRUN ln -sf /dev/stdout /var/log/nginx/access.log \\\n && ln -sf /dev/stderr /var/log/nginx/error.log\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'apache configured to /proc/self/fd/1 with sed',
      code: "FROM ubuntu:24.04\nRUN apt-get install -y apache2 \\\n && sed -ri 's!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g' /etc/apache2/sites-available/000-default.conf\n",
    },
    { name: 'haproxy configured to log to stdout', code: "FROM debian:12-slim\nRUN apt-get install -y haproxy && echo '  log stdout format raw local0' >> /etc/haproxy/haproxy.cfg\n" },
    { name: 'the official nginx image links its logs', code: 'FROM nginx:1.27\nRUN apt-get update && apt-get install -y nginx-module-njs nginx\n' },
    { name: 'the official httpd image', code: 'FROM httpd:2.4\nRUN apt-get install -y apache2\n' },
    { name: 'installed in a build stage only', code: 'FROM debian:12-slim AS tools\nRUN apt-get install -y nginx\nFROM alpine:3.20\nCOPY --from=tools /usr/sbin/nginx /usr/sbin/\n' },
    { name: 'nginx inside quotes is not a package', code: 'FROM debian:12-slim\nRUN echo "apt-get install nginx" > /notes\n' },
    { name: 'httpd is not a Debian package name', code: 'FROM debian:12-slim\nRUN apt-get install -y httpd-tools\n' },
    { name: 'variables: the php:apache idiom, APACHE_LOG_DIR from the sourced envvars', code: 'FROM debian:bookworm-slim\nENV APACHE_CONFDIR /etc/apache2\nENV APACHE_ENVVARS $APACHE_CONFDIR/envvars\nRUN set -eux; apt-get update && apt-get install -y --no-install-recommends apache2; rm -rf /var/lib/apt/lists/*; \\\n\t. "$APACHE_ENVVARS"; \\\n\tln -sfT /dev/stderr "$APACHE_LOG_DIR/error.log"; \\\n\tln -sfT /dev/stdout "$APACHE_LOG_DIR/access.log"\n' },
    { name: 'variables: a link into a directory that cannot be known', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends apache2 && rm -rf /var/lib/apt/lists/* && ln -sf /dev/stderr "$LOGS/error.log"\n' },
  ],
  invalid: [
    {
      name: 'variables: a known value that is not the server log directory',
      code: 'FROM debian:bookworm-slim\nENV LOGS=/tmp\nRUN apt-get update && apt-get install -y --no-install-recommends apache2 && rm -rf /var/lib/apt/lists/* && ln -sf /dev/stderr "$LOGS/error.log"\n',
      errors: ['3:66-3:73'],
      messages: ['`apache2` writes its access and error logs to files under /var/log/apache2'],
    },
    {
      name: 'apt nginx: safe fix inserts the links after the RUN',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y nginx\nCMD ["nginx", "-g", "daemon off;"]\n',
      errors: ['2:42-2:47'],
      messages: ['/var/log/nginx'],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y nginx\nRUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'multi-line RUN: range on the continuation line, insertion after the last line',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      apache2=2.4.* \\\n && rm -rf /var/lib/apt/lists/*\n',
      errors: ['4:7-4:20'],
      output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      apache2=2.4.* \\\n && rm -rf /var/lib/apt/lists/*\nRUN ln -sf /dev/stdout /var/log/apache2/access.log && ln -sf /dev/stderr /var/log/apache2/error.log\n',
    },
    {
      name: 'heredoc RUN: insertion after the terminator',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache lighttpd\nEOF\nCMD ["lighttpd", "-D", "-f", "/etc/lighttpd/lighttpd.conf"]\n',
      errors: ['4:20-4:28'],
      output: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache lighttpd\nEOF\nRUN ln -sf /dev/stdout /var/log/lighttpd/access.log && ln -sf /dev/stderr /var/log/lighttpd/error.log\nCMD ["lighttpd", "-D", "-f", "/etc/lighttpd/lighttpd.conf"]\n',
    },
    {
      name: 'httpd with dnf: its own log names',
      code: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all',
      errors: ['2:20-2:25'],
      output: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\nRUN ln -sf /dev/stdout /var/log/httpd/access_log && ln -sf /dev/stderr /var/log/httpd/error_log',
    },
    {
      name: 'installed in a parent stage that ships',
      code: 'FROM debian:12-slim AS base\nRUN apt-get install -y nginx-light\nFROM base\nCMD ["nginx"]\n',
      errors: ['2:24-2:35'],
      output: 'FROM debian:12-slim AS base\nRUN apt-get install -y nginx-light\nRUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log\nFROM base\nCMD ["nginx"]\n',
    },
    {
      name: 'haproxy logs to syslog: reported without a link fix',
      code: 'FROM debian:12-slim\nRUN apt-get install -y haproxy\n',
      errors: ['2:24-2:31'],
      messages: ['log stdout format raw'],
      noFix: true,
    },
    {
      name: 'inside sh -c, CRLF',
      code: 'FROM debian:12-slim\r\nRUN sh -c "apt-get install -y nginx"\r\n',
      errors: ['2:31-2:36'],
      output: 'FROM debian:12-slim\r\nRUN sh -c "apt-get install -y nginx"\r\nRUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log\r\n',
    },
  ],
});
