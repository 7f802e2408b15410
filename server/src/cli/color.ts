// ANSI colours for the terminal; identity functions when colour is off.
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function palette(enabled: boolean): Palette {
  if (!enabled) {
    const same = (text: string) => text;
    return { red: same, yellow: same, blue: same, dim: same, bold: same, underline: same };
  }
  return { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
}

/** Colour only for a terminal, and never when NO_COLOR is set to anything but the empty string (no-color.org). */
export function wantsColor(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTTY === true && !env.NO_COLOR;
}

/**
 * The whole decision: `--color`/`--no-color` first, then FORCE_COLOR (`0` or `false` turns colour off, any other
 * value on, as Node and chalk read it), then NO_COLOR and the terminal.
 */
export function colorDecision(flag: boolean | undefined, isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return wantsColor(isTTY, env);
}
