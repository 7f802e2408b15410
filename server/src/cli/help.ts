// `herd --help`.
export const HELP = `Usage: herd <command> [options]

Commands:
  herd lint [paths...]   Lint Dockerfiles and Kubernetes manifests (default path: .)
  herd rules             List every rule: id, languages, default severity, fix kinds
  herd --help            Show this help
  herd --version         Show the version

Lint options:
  -f, --format <name>     stylish (default), json, sarif or github
  -o, --output <file>     Write the report to a file instead of stdout
  -c, --config <file>     Read this config instead of <dir>/.herd.yaml
      --fix               Apply safe fixes in place, then report what is left
      --max-warnings <n>  Fail when there are more than n warnings
      --rule <id=level>   Set a rule to off, info, warning or error (repeatable)
      --max-file-size <n> Skip files above n bytes (512k, 10MB; default 5MB or
                          the config's maxFileSize)
      --allow-skipped     Files that could not be linted (unreadable, too large,
                          binary, unparsable) do not fail the run

A directory is a workspace root: its .herd.yaml is read and its files are walked
(node_modules, .git and the config's ignore globs are skipped). Dockerfiles are
found by name, Kubernetes manifests among .yaml/.yml files by content. A file
named on the command line is always linted, as a Dockerfile unless it is YAML.

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage, config or internal
error, or a file that could not be linted (unless --allow-skipped).
`;
