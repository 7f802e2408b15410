// `herd --help`.
export const HELP = `Usage: herd <command> [options]

Commands:
  herd lint [paths...]    Lint Dockerfiles and Kubernetes manifests (default path: .)
  herd rules              List every rule: id, languages, default severity, fix kinds
  herd --print-config <file>  Show the configuration that applies to a file, and where it comes from
  herd --help             Show this help
  herd version            Show the version (also --version)

Lint options:
  -f, --format <name>       stylish (default), json, sarif, github or gitlab
  -o, --output <file>       Write the report to a file instead of stdout
  -c, --config <file>       Use this config for every file instead of the nearest .herd.yaml
      --fix                 Apply safe fixes in place, then report what is left
      --max-warnings <n>    Fail when there are more than n warnings
      --rule <id=level>     Set a rule to off, info, warning or error (repeatable)
  -q, --quiet               Report errors only
      --color, --no-color   Force colour on or off (default: on for a terminal; FORCE_COLOR, NO_COLOR)
      --stdin-filename <name>  Lint stdin (path -) as this file: its kind and its config
      --print-config <file> Print the configuration that applies to <file> (YAML; JSON with -f json)
      --max-file-size <n>   Skip files above n bytes (512k, 10MB; default 5MB or the
                            config's maxFileSize)
      --allow-skipped       Files that could not be linted (unreadable, too large,
                            binary, unparsable) do not fail the run

Paths are files, directories or quoted globs ('services/**/Dockerfile'; ** crosses
folders, * and ? do not); - reads stdin. A directory is walked (node_modules, .git
and ignored paths are skipped) and is one workspace for the cross-file rules.
Dockerfiles are found by name (Dockerfile, Dockerfile.prod, Dockerfile-prod,
api.Dockerfile, Containerfile...), Kubernetes manifests among .yaml, .yml and .json
files by content (apiVersion and kind). A named file whose name says nothing is
linted if its content is a Dockerfile or a manifest, and is an error otherwise.

Each file takes the nearest .herd.yaml (or .herd.yml) in its folder or above, up
to the repository root (the folder holding .git); its ignore globs are relative
to the folder it is in.

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage, config or
internal error, a file that is no kind Herd lints, a directory or glob argument
that reaches no Dockerfile, manifest or Compose file, or a file that could not
be linted (unless --allow-skipped).
`;
