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
