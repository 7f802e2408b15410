// dockerfile-ast scans an instruction's text into Argument objects on every getRawArguments() call, and its own
// parser asks four to six times per instruction (the JSON-form check, the flags, the arguments' range and content,
// the heredocs). On ordinary lines that is noise; on a 100 kB RUN of 50,000 words it was most of a one-second lint.
// An instruction's arguments depend only on its text, which never changes after the parse: while Herd parses, the
// scan is kept per instruction, and every caller gets its own copy of the list (ModifiableInstruction.getArguments
// shifts the flags off the list it receives). Outside Herd's parse the library behaves as shipped, for any other
// user of it in the same process (the benchmark's dockerfile-utils, say).
import { Instruction, type Argument } from 'dockerfile-ast';

/** The scan is private in dockerfile-ast's types, public in its JavaScript. */
interface Scanning {
  getRawArguments(this: Instruction): Argument[];
}

const proto = Instruction.prototype as unknown as Scanning;
const scanned = new WeakMap<Instruction, Argument[]>();
const scan = proto.getRawArguments;
let keeping = 0;

function install(): void {
  if (proto.getRawArguments !== scan) return;
  proto.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
    if (keeping === 0) return scan.call(this);
    let args = scanned.get(this);
    if (!args) {
      args = scan.call(this);
      scanned.set(this, args);
    }
    return args.slice();
  };
}

/** Runs `parse` with each instruction's argument scan kept (Herd's Dockerfile parse). */
export function keepingArgumentScans<T>(parse: () => T): T {
  install();
  keeping++;
  try {
    return parse();
  } finally {
    keeping--;
  }
}
