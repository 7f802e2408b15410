// Text from the input (file names, quoted values in messages) on a terminal or a CI log: control characters
// would move the cursor, recolour the screen, or start a line that GitHub Actions runs as a workflow command.

// C0 controls but tab, DEL, C1 controls, and the bidirectional overrides that reorder what is shown (Trojan Source)
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/** `evil\n::error` → `evil\\n::error`: each unsafe character as a visible escape, the rest as it is. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`);
}
