// dockerfile-ast scans an instruction's text into Argument objects on every getRawArguments() call, and its own
// parser asks four to six times per instruction (the JSON-form check, the flags, the arguments' range and content,
// the heredocs). On ordinary lines that is noise; on a 100 kB RUN of 50,000 words it was most of a one-second lint.
// An instruction's arguments depend only on its text, which never changes after the parse: the scan is kept per
// instruction, and every caller gets its own copy of the list (ModifiableInstruction.getArguments shifts the flags
// off the list it receives).
import { Instruction, type Argument } from 'dockerfile-ast';

/** The scan is private in dockerfile-ast's types, public in its JavaScript. */
interface Scanning {
  getRawArguments(this: Instruction): Argument[];
}

const proto = Instruction.prototype as unknown as Scanning;
const scanned = new WeakMap<Instruction, Argument[]>();
const scan = proto.getRawArguments;

/** Installed once, when the Dockerfile parser is first loaded. */
export function keepArgumentScans(): void {
  if (proto.getRawArguments !== scan) return;
  proto.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
    let args = scanned.get(this);
    if (!args) {
      args = scan.call(this);
      scanned.set(this, args);
    }
    return args.slice();
  };
}
