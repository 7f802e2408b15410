import { ruleTable } from '../helpers/rule-table';

ruleTable('rpm-clean-cache', {
  valid: [
    'FROM rockylinux:9\nRUN yum install -y nginx && yum clean all\n',
    { name: 'dnf clean all after yum (one cache on RHEL 8+)', code: 'FROM rockylinux:9\nRUN yum install -y nginx && dnf clean all\n' },
    { name: 'microdnf with clean in a heredoc', code: 'FROM redhat/ubi9-minimal:9.4\nRUN <<EOF\nmicrodnf install -y tar gzip\nmicrodnf clean all\nEOF\n' },
    { name: 'rm -rf /var/cache/dnf', code: 'FROM fedora:40\nRUN dnf install -y git && rm -rf /var/cache/dnf\n' },
    { name: 'rm -rf /var/cache/*', code: 'FROM fedora:40\nRUN dnf install -y git && rm -rf /var/cache/*\n' },
    { name: 'cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y git\n' },
    { name: 'zypper clean', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean -a\n' },
    { name: 'zypper cc', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl; zypper cc\n' },
    { name: 'tdnf (Azure Linux)', code: 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install -y ca-certificates && tdnf clean all\n' },
    { name: 'build stage', code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /a /a\n' },
  ],
  invalid: [
    {
      name: 'yum: append yum clean all',
      code: 'FROM centos:7\nRUN yum -y install nginx\n',
      errors: ['2:5-2:19'],
      messages: ['yum clean all'],
      output: 'FROM centos:7\nRUN yum -y install nginx && yum clean all\n',
    },
    {
      name: 'dnf with continuation lines',
      code: 'FROM fedora:40\nRUN dnf install -y \\\n      git \\\n      make\n',
      errors: ['2:5-2:16'],
      output: 'FROM fedora:40\nRUN dnf install -y \\\n      git \\\n      make && dnf clean all\n',
    },
    {
      name: 'microdnf in a heredoc: a new line',
      code: 'FROM redhat/ubi9-minimal:9.4\nRUN <<EOF\n\tmicrodnf install -y tar\nEOF\n',
      errors: ['3:2-3:18'],
      output: 'FROM redhat/ubi9-minimal:9.4\nRUN <<EOF\n\tmicrodnf install -y tar\n\tmicrodnf clean all\nEOF\n',
    },
    {
      name: 'zypper: clean --all, since `zypper clean all` would name a repository',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl\n',
      errors: ['2:5-2:22'],
      messages: ['zypper clean --all'],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n',
    },
    {
      name: 'tdnf',
      code: 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install -y ca-certificates\n',
      errors: ['2:5-2:17'],
      output: 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install -y ca-certificates && tdnf clean all\n',
    },
    {
      name: 'the other family does not clean',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && dnf clean all\n',
      errors: ['2:5-2:22'],
    },
    {
      name: 'clean without all is partial',
      code: 'FROM fedora:40\nRUN dnf install -y git && dnf clean packages\n',
      errors: ['2:5-2:16'],
    },
  ],
});
