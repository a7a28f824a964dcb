/** A node type's port as the registry describes it. */
export interface PortDef {
  name: string;
  label: { ko: string; en: string };
}

/** One row of a card's port band: the input handle on its left edge, the output handle on its right. */
export interface PortRow<P extends PortDef = PortDef> {
  input?: P;
  output?: P;
}

/** Height of one port row (px): a 12 px handle with 14 px to the next, room for an 11 px label. */
export const PORT_ROW_HEIGHT = 26;

/**
 * Where a card's handles go. One input and one output sit at the card's middle, unlabelled (undefined: no
 * band). With two or more ports on either side, the card gains a band of rows under its title, one port per
 * row on each side, labelled beside its handle: labels then never share a line with the title or each other.
 */
export function portRows<P extends PortDef>(inputs: readonly P[], outputs: readonly P[]): PortRow<P>[] | undefined {
  if (inputs.length < 2 && outputs.length < 2) return undefined;
  const rows: PortRow<P>[] = [];
  for (let i = 0; i < Math.max(inputs.length, outputs.length); i++) {
    const row: PortRow<P> = {};
    if (inputs[i]) row.input = inputs[i];
    if (outputs[i]) row.output = outputs[i];
    rows.push(row);
  }
  return rows;
}

/** Whether a side's ports get a label: only where there is more than one to tell apart. */
export function labelled(ports: readonly PortDef[]): boolean {
  return ports.length > 1;
}
