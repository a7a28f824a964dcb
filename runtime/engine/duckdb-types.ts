/**
 * DuckDB type names as `DESCRIBE` prints them, parsed just far enough to (a) print them the way the native
 * adapter reports result columns and (b) plan the casts the WASM adapter applies before reading Arrow back.
 */
export type DuckType =
  /** `text` is exactly what DuckDB printed, e.g. `DECIMAL(10,2)`, `ENUM('a', 'b')`; `name` is its base word(s). */
  | { kind: 'leaf'; name: string; text: string }
  /** LIST (`size` '') or ARRAY (`size` '3'). */
  | { kind: 'list'; child: DuckType; size: string }
  | { kind: 'struct' | 'union'; fields: [string, DuckType][] }
  | { kind: 'map'; key: DuckType; value: DuckType };

interface Token {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length) {
        if (src[j] === ch && src[j + 1] === ch) {
          text += ch;
          j += 2;
        } else if (src[j] === ch) break;
        else text += src[j++];
      }
      tokens.push({ text, start: i, end: j + 1, quoted: true });
      i = j + 1;
    } else if ('()[],'.includes(ch)) {
      tokens.push({ text: ch, start: i, end: i + 1, quoted: false });
      i++;
    } else {
      let j = i;
      while (j < src.length && !/[\s"'()[\],]/.test(src[j]!)) j++;
      tokens.push({ text: src.slice(i, j), start: i, end: j, quoted: false });
      i = j;
    }
  }
  return tokens;
}

/** Parses a DuckDB type name such as `STRUCT(a INTEGER, "b c" VARCHAR[])[]`; throws on anything else. */
export function parseDuckType(src: string): DuckType {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (text: string) => tokens[pos]?.text === text && !tokens[pos]!.quoted;
  const expect = (text: string) => {
    if (!peek(text)) throw new Error(`cannot parse DuckDB type "${src}": expected ${text}`);
    pos++;
  };
  const isWord = () => tokens[pos] !== undefined && !tokens[pos]!.quoted && !'()[],'.includes(tokens[pos]!.text);
  const parseFields = (): [string, DuckType][] => {
    const fields: [string, DuckType][] = [];
    expect('(');
    while (!peek(')')) {
      const name = tokens[pos++];
      if (!name) throw new Error(`cannot parse DuckDB type "${src}"`);
      fields.push([name.text, parseType()]);
      if (!peek(')')) expect(',');
    }
    expect(')');
    return fields;
  };
  const parseType = (): DuckType => {
    const start = tokens[pos]?.start ?? src.length;
    const words: string[] = [];
    while (isWord()) words.push(tokens[pos++]!.text);
    const name = words.join(' ').toUpperCase();
    if (!name) throw new Error(`cannot parse DuckDB type "${src}"`);
    let type: DuckType;
    if ((name === 'STRUCT' || name === 'UNION') && peek('(')) {
      type = { kind: name === 'STRUCT' ? 'struct' : 'union', fields: parseFields() };
    } else if (name === 'MAP' && peek('(')) {
      expect('(');
      const key = parseType();
      expect(',');
      const value = parseType();
      expect(')');
      type = { kind: 'map', key, value };
    } else {
      if (peek('(')) {
        let depth = 0;
        do {
          if (peek('(')) depth++;
          else if (peek(')')) depth--;
          pos++;
        } while (depth > 0 && pos < tokens.length);
      }
      type = { kind: 'leaf', name, text: src.slice(start, tokens[pos - 1]!.end) };
    }
    while (peek('[')) {
      pos++;
      let size = '';
      if (isWord()) size = tokens[pos++]!.text;
      expect(']');
      type = { kind: 'list', child: type, size };
    }
    return type;
  };
  const type = parseType();
  if (pos !== tokens.length) throw new Error(`cannot parse DuckDB type "${src}": trailing text`);
  return type;
}

const quoteField = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Prints a type the way `@duckdb/node-api` does for result columns: STRUCT/UNION field names always quoted. */
export function printDuckType(type: DuckType): string {
  switch (type.kind) {
    case 'leaf':
      return type.text;
    case 'list':
      return `${printDuckType(type.child)}[${type.size}]`;
    case 'map':
      return `MAP(${printDuckType(type.key)}, ${printDuckType(type.value)})`;
    default:
      return `${type.kind.toUpperCase()}(${type.fields.map(([n, t]) => `${quoteField(n)} ${printDuckType(t)}`).join(', ')})`;
  }
}

/** Leaf types whose Arrow form converts to the normalized JS value exactly, without help from DuckDB. */
const ARROW_EXACT = new Set([
  'BOOLEAN',
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'FLOAT',
  'DOUBLE',
  'VARCHAR',
]);

const VARCHAR: DuckType = { kind: 'leaf', name: 'VARCHAR', text: 'VARCHAR' };
const DOUBLE: DuckType = { kind: 'leaf', name: 'DOUBLE', text: 'DOUBLE' };

/**
 * The type a column is cast to before Arrow carries it to JS: DECIMAL → DOUBLE (see `widenDecimals`); HUGEINT, UHUGEINT, BIGNUM → VARCHAR (parsed back as
 * integers); DATE, TIME*, TIMESTAMP*, INTERVAL, UUID, BLOB, BIT, ENUM, MAP, UNION… → VARCHAR (DuckDB's own text);
 * lists, arrays and structs keep their shape with their children cast the same way.
 */
export function carrierType(type: DuckType): DuckType {
  switch (type.kind) {
    case 'leaf':
      if (ARROW_EXACT.has(type.name)) return type;
      return type.name === 'DECIMAL' ? DOUBLE : VARCHAR;
    case 'list':
      return { kind: 'list', child: carrierType(type.child), size: type.size };
    case 'struct':
      return { kind: 'struct', fields: type.fields.map(([n, t]) => [n, carrierType(t)]) };
    default:
      return VARCHAR;
  }
}

/**
 * DECIMAL(p,s) → DECIMAL(38,s), anywhere inside the type. node-api's `toDouble()` converts every decimal as a
 * 128-bit one, which rounds differently from DuckDB's 64-bit DECIMAL→DOUBLE cast for p ≤ 18 with more than 15
 * significant digits; casting through DECIMAL(38,s) first gives bit-identical doubles on both engines.
 */
export function widenDecimals(type: DuckType): DuckType {
  switch (type.kind) {
    case 'leaf': {
      const scale = type.name === 'DECIMAL' ? /,\s*(\d+)\s*\)/.exec(type.text)?.[1] : undefined;
      return scale === undefined ? type : { kind: 'leaf', name: 'DECIMAL', text: `DECIMAL(38,${scale})` };
    }
    case 'list':
      return { kind: 'list', child: widenDecimals(type.child), size: type.size };
    case 'struct':
      return { kind: 'struct', fields: type.fields.map(([n, t]) => [n, widenDecimals(t)]) };
    default:
      return type;
  }
}

/** Big integer types that travel as text and come back through `normalizeInteger`. */
export const BIG_INTEGER_TYPES = new Set(['HUGEINT', 'UHUGEINT', 'BIGNUM', 'VARINT']);
