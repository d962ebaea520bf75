/** Theme colours for charts, read from the output element (VS Code's --vscode-* variables, else CSS). */
export interface ChartTheme {
  fg: string;
  grid: string;
  zero: string;
  font: string;
}

export function chartTheme(el: HTMLElement): ChartTheme {
  const cs = getComputedStyle(el);
  const v = (name: string) => cs.getPropertyValue(name).trim();
  const fg = v('--vscode-editor-foreground') || cs.color || '#888';
  return {
    fg,
    grid: 'rgba(128,128,128,0.22)',
    zero: 'rgba(128,128,128,0.55)',
    font: v('--vscode-font-family') || cs.fontFamily || 'system-ui, sans-serif',
  };
}
