// hadolint codes that have a Herd equivalent, so `# hadolint ignore=DLxxxx` pragmas keep working.
// Only exact equivalents are listed: a code absent here (DL3008 pin apt versions, DL3018 pin apk
// versions, DL3059 consecutive RUNs, …) has no Herd rule, and ignoring it silences nothing.

export interface HadolintMapping {
  code: string;
  /** hadolint's own wording of the check. */
  title: string;
  herd: string[];
}

export const HADOLINT_TO_HERD: readonly HadolintMapping[] = [
  { code: 'DL3002', title: 'Last user should not be root.', herd: ['non-root-user'] },
  { code: 'DL3004', title: 'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.', herd: ['no-sudo'] },
  { code: 'DL3006', title: 'Always tag the version of an image explicitly.', herd: ['pin-image-tag'] },
  { code: 'DL3007', title: 'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag.', herd: ['pin-image-tag'] },
  { code: 'DL3009', title: 'Delete the apt-get lists after installing something.', herd: ['apt-clean-lists'] },
  { code: 'DL3012', title: 'Multiple `HEALTHCHECK` instructions.', herd: ['single-start-instruction'] },
  { code: 'DL3015', title: 'Avoid additional packages by specifying `--no-install-recommends`.', herd: ['apt-no-install-recommends'] },
  { code: 'DL3019', title: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages.', herd: ['apk-no-cache'] },
  { code: 'DL3020', title: 'Use `COPY` instead of `ADD` for files and folders.', herd: ['copy-not-add'] },
  { code: 'DL3025', title: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.', herd: ['exec-form-command'] },
  { code: 'DL3032', title: '`yum clean all` missing after yum command.', herd: ['rpm-clean-cache'] },
  { code: 'DL3036', title: '`zypper clean` missing after zypper use.', herd: ['rpm-clean-cache'] },
  { code: 'DL3040', title: '`dnf clean all` missing after dnf command.', herd: ['rpm-clean-cache'] },
  { code: 'DL3042', title: 'Avoid cache directory with `pip install --no-cache-dir <package>`.', herd: ['pip-no-cache-dir'] },
  { code: 'DL4003', title: 'Multiple `CMD` instructions found.', herd: ['single-start-instruction'] },
  { code: 'DL4004', title: 'Multiple `ENTRYPOINT` instructions found.', herd: ['single-start-instruction'] },
];

const byCode = new Map(HADOLINT_TO_HERD.map((m) => [m.code, m.herd]));

/** The Herd rule ids a hadolint code stands for; [] when Herd has no equivalent. */
export function hadolintToHerd(code: string): string[] {
  return [...(byCode.get(code.trim().toUpperCase()) ?? [])];
}
