/**
 * The shape of a Yjs update (encoding V1, what the y-websocket protocol carries), read without
 * building it: for every client the clock range its structs cover and, for every struct, the
 * ids it depends on (origin, right origin, parent when that is an id), plus the delete set.
 * That is all the integrability check (`integrable.ts`) needs, and reading it is several
 * times cheaper than `Y.decodeUpdate`, which allocates every Item and its content.
 *
 * The whole update is still read, contents included (JSON is parsed, strings decoded), so
 * that an update this accepts is one Yjs reads without throwing: the room then never applies
 * half an update. Reading stops as soon as `maxStructs` is passed, so an update over the
 * budget costs no more than the budget to refuse.
 *
 * Stricter than Yjs where no Yjs client ever writes otherwise: a client listed twice (Yjs
 * would silently keep only the second list), a struct of length 0 (it breaks Yjs's binary
 * search of the store), a dependency on the same client at or after the struct itself,
 * clocks past 2^53, unknown type references, values nested deeper than 64, sub-documents (the
 * board has none; each would be a Y.Doc held by the server), and bytes after the delete set.
 *
 * The format, as written by Yjs's `writeClientsStructs` and `writeDeleteSet`:
 *   update   = varUint nClients, nClients × clientStructs, deleteSet
 *   clientStructs = varUint nStructs, varUint client, varUint clock, nStructs × struct
 *   struct   = uint8 info, then by info & 31: 0 GC (varUint len), 10 Skip (varUint len),
 *              else an Item: [origin id if info & 128] [right origin id if info & 64]
 *              [if neither: varUint 1 + string root name, or varUint 0 + parent id]
 *              [parentSub string if neither and info & 32] content
 *   id       = varUint client, varUint clock
 *   deleteSet = varUint nClients, nClients × (varUint client, varUint n, n × (varUint clock, varUint len))
 */
import { isUtf8 } from 'node:buffer';
import * as decoding from 'lib0/decoding';

/** The update cannot be read (truncated, unknown content, or one of the stricter rules above). */
export class MalformedUpdate extends Error {}

/** The update costs more than the budget allows (structs, and delete ranges at 1/16). */
export class TooManyStructs extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} structs and delete ranges`);
  }
}

/** One client's structs in an update: consecutive, from `clock` to `end`. */
export interface ClientSection {
  readonly client: number;
  /** Clock of the first struct. */
  readonly clock: number;
  /** Clock after the last struct. */
  readonly end: number;
  /** Per struct: its first clock and its length. */
  readonly starts: number[];
  readonly lengths: number[];
  /**
   * Dependencies on other clients, flat: struct i's are the (client, clock) pairs
   * deps[2j], deps[2j+1] for j in depFrom[i] .. depFrom[i+1]-1.
   */
  readonly deps: number[];
  readonly depFrom: number[];
  /** Per struct: is it a Skip (a hole in this client's clocks, in an update merged from parts)? */
  readonly skips: boolean[];
  /**
   * Per struct, where Yjs will place it (what `conflicts.ts` estimates the cost of): origin and
   * right origin as (client, clock) pairs, -1 when absent; and for an item with neither, its
   * parent ('r' + a root type's name, or 'i' + 'client:clock' of a nested type's item) and its
   * parentSub (a map key), else null. A GC or Skip struct has none of them.
   */
  readonly origins: number[];
  readonly rights: number[];
  readonly parents: (string | null)[];
  readonly subs: (string | null)[];
}

export interface UpdateShape {
  readonly sections: ClientSection[];
  /** Structs in all sections (GC and Skip included). */
  readonly structs: number;
  /** Delete-set ranges, flat (client, clock, len) triples. */
  readonly deletes: number[];
  readonly deleteRanges: number;
  /**
   * What the update costs to integrate, in the budget's unit: a struct is 1, a delete range
   * 1/16 (Yjs applies one in well under a microsecond, a struct takes about four), rounded up.
   */
  readonly work: number;
}

/**
 * Delete ranges per unit of work. The stock client's sync step 2 carries its whole delete set,
 * and a board holds at most one range per struct, so with 16 a full board's delete set
 * (MAX_BOARD_ITEMS ranges) fits in the default struct budget, which it must: else every
 * reconnect to that board would be refused.
 */
export const DELETE_RANGES_PER_UNIT = 16;

const MAX_CLOCK = Number.MAX_SAFE_INTEGER;

function fail(why: string): never {
  throw new MalformedUpdate(why);
}

/** Deeper `any` values are refused: no board nests so deep, and Yjs's own reader recurses. */
const MAX_ANY_DEPTH = 64;

/** Skips a string, checking that it is UTF-8 as lib0's (fatal) decoder would. */
function skipString(d: decoding.Decoder): void {
  const len = decoding.readVarUint(d);
  const arr = d.arr;
  const start = d.pos;
  const end = start + len;
  if (end > arr.length) fail('unexpected end of update');
  // Most strings are short keys in ASCII: checked here, without a native call.
  let i = start;
  while (i < end && (arr[i] as number) < 0x80) i++;
  if (i < end && !isUtf8(arr.subarray(i, end))) fail('invalid UTF-8 in a string');
  d.pos = end;
}

/** Skips one value in lib0's `any` format (what `decoding.readAny` reads) without building it. */
function skipAny(d: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) fail('values nested too deep');
  const type = decoding.readUint8(d);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(d);
      return;
    case 124:
      decoding.readUint8Array(d, 4); // float32
      return;
    case 123:
    case 122:
      decoding.readUint8Array(d, 8); // float64, bigint64
      return;
    case 119:
      skipString(d);
      return;
    case 118: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        skipString(d);
        skipAny(d, depth + 1);
      }
      return;
    }
    case 117: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d, depth + 1);
      return;
    }
    case 116:
      decoding.readVarUint8Array(d);
      return;
    default:
      fail(`unknown value type ${type}`);
  }
}

/** Skips one item's content, returning the number of clock ticks it covers. */
function readContent(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(d);
    case 2: {
      // JSON: n strings, each JSON text or 'undefined'
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) {
        const s = decoding.readVarString(d);
        if (s !== 'undefined') JSON.parse(s);
      }
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return 1;
    case 4: // string: its length in UTF-16 code units, as Yjs counts
      return decoding.readVarString(d).length;
    case 5: // embed
      JSON.parse(decoding.readVarString(d));
      return 1;
    case 6: // format: key, JSON value
      skipString(d);
      JSON.parse(decoding.readVarString(d));
      return 1;
    case 7: {
      // type: 0 array, 1 map, 2 text, 3 xml element (+ name), 4 xml fragment, 5 xml hook (+ name), 6 xml text
      const typeRef = decoding.readVarUint(d);
      if (typeRef > 6) fail(`unknown type reference ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) skipString(d);
      return 1;
    }
    case 8: {
      // any: n values in lib0's format
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) skipAny(d, 0);
      return n;
    }
    case 9:
      fail('sub-documents are not supported');
    // eslint-disable-next-line no-fallthrough -- fail() never returns
    default:
      fail(`unknown content ${ref}`);
  }
}

/**
 * Reads the shape of `update`. Throws `MalformedUpdate` when it cannot be read and
 * `TooManyStructs` as soon as structs plus delete ranges pass `maxStructs`.
 */
export function readUpdateShape(update: Uint8Array, maxStructs = Infinity): UpdateShape {
  const d = decoding.createDecoder(update);
  let work = 0;
  const spend = (n: number): void => {
    work += n;
    if (Math.ceil(work) > maxStructs) throw new TooManyStructs(maxStructs);
  };
  try {
    const sections: ClientSection[] = [];
    const seen = new Set<number>();
    let structs = 0;
    const nClients = decoding.readVarUint(d);
    for (let s = 0; s < nClients; s++) {
      const nStructs = decoding.readVarUint(d);
      const client = decoding.readVarUint(d);
      const first = decoding.readVarUint(d);
      if (seen.has(client)) fail(`client ${client} listed twice`);
      seen.add(client);
      spend(nStructs);
      structs += nStructs;
      const starts: number[] = [];
      const lengths: number[] = [];
      const deps: number[] = [];
      const depFrom: number[] = [0];
      const skips: boolean[] = [];
      const origins: number[] = [];
      const rights: number[] = [];
      const parents: (string | null)[] = [];
      const subs: (string | null)[] = [];
      let clock = first;
      const dep = (depClient: number, depClock: number): void => {
        if (depClient === client) {
          if (depClock >= clock) fail(`struct ${client}:${clock} depends on itself or a later struct`);
        } else {
          deps.push(depClient, depClock);
        }
      };
      for (let i = 0; i < nStructs; i++) {
        const info = decoding.readUint8(d);
        const ref = info & 31;
        let len: number;
        skips.push(ref === 10);
        let parent: string | null = null;
        let sub: string | null = null;
        if (ref === 0 || ref === 10) {
          len = decoding.readVarUint(d); // GC, Skip
          origins.push(-1, -1);
          rights.push(-1, -1);
        } else {
          const hasOrigin = (info & 128) !== 0;
          const hasRightOrigin = (info & 64) !== 0;
          if (hasOrigin) {
            const oc = decoding.readVarUint(d);
            const ok = decoding.readVarUint(d);
            dep(oc, ok);
            origins.push(oc, ok);
          } else origins.push(-1, -1);
          if (hasRightOrigin) {
            const rc = decoding.readVarUint(d);
            const rk = decoding.readVarUint(d);
            dep(rc, rk);
            rights.push(rc, rk);
          } else rights.push(-1, -1);
          if (!hasOrigin && !hasRightOrigin) {
            if (decoding.readVarUint(d) === 1) {
              parent = 'r' + decoding.readVarString(d); // a root type, by name
            } else {
              const pc = decoding.readVarUint(d);
              const pk = decoding.readVarUint(d);
              dep(pc, pk); // a nested type's item
              parent = `i${pc}:${pk}`;
            }
            if ((info & 32) !== 0) sub = decoding.readVarString(d); // parentSub
          }
          len = readContent(d, ref);
        }
        parents.push(parent);
        subs.push(sub);
        if (len === 0) fail(`empty struct at ${client}:${clock}`);
        if (clock + len > MAX_CLOCK) fail(`clock past 2^53 for client ${client}`);
        starts.push(clock);
        lengths.push(len);
        depFrom.push(deps.length / 2);
        clock += len;
      }
      sections.push({ client, clock: first, end: clock, starts, lengths, deps, depFrom, skips, origins, rights, parents, subs });
    }
    const deletes: number[] = [];
    const nDsClients = decoding.readVarUint(d);
    for (let i = 0; i < nDsClients; i++) {
      const client = decoding.readVarUint(d);
      const n = decoding.readVarUint(d);
      spend(n / DELETE_RANGES_PER_UNIT);
      for (let j = 0; j < n; j++) {
        const clock = decoding.readVarUint(d);
        const len = decoding.readVarUint(d);
        if (clock + len > MAX_CLOCK) fail(`delete range past 2^53 for client ${client}`);
        deletes.push(client, clock, len);
      }
    }
    if (decoding.hasContent(d)) fail('trailing bytes after the delete set');
    return { sections, structs, deletes, deleteRanges: deletes.length / 3, work: Math.ceil(work) };
  } catch (err) {
    if (err instanceof MalformedUpdate || err instanceof TooManyStructs) throw err;
    // lib0 throws on truncation and on unknown `any` types; JSON.parse on bad JSON; deep `any`
    // nesting overflows the stack.
    throw new MalformedUpdate(err instanceof Error ? err.message : String(err));
  }
}
