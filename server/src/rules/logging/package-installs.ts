// The packages a RUN command installs, per package manager, with each package's word for ranges.
import { basename, type ShellWord, type SimpleCommand } from '../../parse/shell';
import { effectiveArgv } from '../process/start-command';

export type Installer = 'apt' | 'apk' | 'rpm';

export interface PackageInstall {
  installer: Installer;
  /** The package name without version pins (`nginx=1.22*` → `nginx`). */
  packages: { name: string; word: ShellWord }[];
}

const SUBCOMMAND: Record<string, { installer: Installer; verbs: string[] }> = {
  'apt-get': { installer: 'apt', verbs: ['install'] },
  apt: { installer: 'apt', verbs: ['install'] },
  aptitude: { installer: 'apt', verbs: ['install'] },
  apk: { installer: 'apk', verbs: ['add'] },
  yum: { installer: 'rpm', verbs: ['install'] },
  dnf: { installer: 'rpm', verbs: ['install'] },
  microdnf: { installer: 'rpm', verbs: ['install'] },
  tdnf: { installer: 'rpm', verbs: ['install'] },
  zypper: { installer: 'rpm', verbs: ['install', 'in'] },
};

/** Options that take the next word as their value, so that word is not a package. */
const WITH_VALUE = new Set(['-o', '-t', '-c', '--target-release', '--option', '-X', '--repository', '--virtual', '-p', '--root', '--arch',
  '--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever', '--config', '-x', '--exclude', '--repo', '-r']);

export function packageInstall(cmd: SimpleCommand): PackageInstall | undefined {
  const argv = effectiveArgv(cmd);
  const manager = SUBCOMMAND[basename(argv[0]?.value ?? '')];
  if (!manager) return undefined;
  const rest = argv.slice(1);
  let i = 0;
  for (; i < rest.length && rest[i].value.startsWith('-'); i++) if (WITH_VALUE.has(rest[i].value)) i++;
  if (!manager.verbs.includes(rest[i]?.value ?? '')) return undefined;
  const packages: PackageInstall['packages'] = [];
  for (let j = i + 1; j < rest.length; j++) {
    const w = rest[j];
    if (w.value.startsWith('-')) {
      if (WITH_VALUE.has(w.value)) j++;
      continue;
    }
    // `$PKGS` is unknown; a version glob (`nginx=1.26.*`) is still a package name
    if (/[$`]/.test(w.value)) continue;
    packages.push({ name: packageName(w.value, manager.installer), word: w });
  }
  return { installer: manager.installer, packages };
}

function packageName(spec: string, installer: Installer): string {
  const name = spec.split(/[=<>~]/)[0];
  // rpm names carry their version after a dash: nginx-1.20.1-1.el9
  return installer === 'rpm' ? name.replace(/-\d.*$/, '') : name;
}
