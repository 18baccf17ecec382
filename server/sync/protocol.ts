/**
 * The y-websocket wire protocol (as spoken by the stock `y-websocket` WebsocketProvider):
 *
 *   message  = varUint type, payload
 *   type 0 sync       : varUint step (0 step1: varUint8Array stateVector,
 *                                     1 step2: varUint8Array update, 2 update: varUint8Array update)
 *   type 1 awareness  : varUint8Array awarenessUpdate
 *                       (awarenessUpdate = varUint n, n × (varUint clientID, varUint clock, varString json))
 *   type 3 query awareness (no payload)
 *
 * `decodeClientMessage` fully parses and validates what a client sent, including the Yjs
 * update inside (read into its shape, `update-shape.ts`), so that a malformed or truncated
 * message is refused as a whole before it can touch a document (Y.applyUpdate on a truncated
 * update could apply its first half), and an update over the struct budget is refused after
 * reading no more than the budget.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MalformedUpdate, readUpdateShape, type UpdateShape } from './update-shape.js';

export { TooManyStructs } from './update-shape.js';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** Raw JSON text of the state; 'null' removes the client's state. */
  json: string;
}

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array; shape: UpdateShape }
  | { type: 'update'; update: Uint8Array; shape: UpdateShape }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' };

/** A message that breaks the protocol; the connection that sent it is closed with `reason`. */
export class ProtocolError extends Error {}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

function readUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

function checkUpdate(update: Uint8Array, maxStructs: number): UpdateShape {
  try {
    return readUpdateShape(update, maxStructs);
  } catch (err) {
    if (err instanceof MalformedUpdate) throw new ProtocolError(`malformed document update (${err.message})`.slice(0, 100));
    throw err;
  }
}

/** An update message for `update` (tests, and the server's own checks), with its shape. */
export function updateMessage(update: Uint8Array, type: 'update' | 'sync-step2' = 'update'): ClientMessage {
  return { type, update, shape: readUpdateShape(update) };
}

function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const n = readUint(decoder, 'awareness update');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientID = readUint(decoder, 'awareness update');
    const clock = readUint(decoder, 'awareness update');
    let json: string;
    try {
      json = decoding.readVarString(decoder);
    } catch {
      throw new ProtocolError('truncated awareness update');
    }
    try {
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error();
    } catch {
      throw new ProtocolError('malformed awareness state');
    }
    entries.push({ clientID, clock, json });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
  return entries;
}

/**
 * Parses one binary websocket message from a client. Throws `ProtocolError` when malformed,
 * `TooManyStructs` when an update holds more than `maxUpdateStructs` structs and delete ranges.
 */
export function decodeClientMessage(data: Uint8Array, maxUpdateStructs = Infinity): ClientMessage {
  if (data.byteLength === 0) throw new ProtocolError('empty message');
  const decoder = decoding.createDecoder(data);
  const type = readUint(decoder, 'message type');
  let message: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const step = readUint(decoder, 'sync message');
      const payload = readBytes(decoder, 'sync message');
      if (step === SYNC_STEP1) {
        try {
          Y.decodeStateVector(payload);
        } catch {
          throw new ProtocolError('malformed state vector');
        }
        message = { type: 'sync-step1', stateVector: payload };
      } else if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        const shape = checkUpdate(payload, maxUpdateStructs);
        message = { type: step === SYNC_STEP2 ? 'sync-step2' : 'update', update: payload, shape };
      } else {
        throw new ProtocolError(`unknown sync step ${step}`);
      }
      break;
    }
    case MESSAGE_AWARENESS:
      message = { type: 'awareness', entries: decodeAwarenessUpdate(readBytes(decoder, 'awareness message')) };
      break;
    case MESSAGE_QUERY_AWARENESS:
      message = { type: 'query-awareness' };
      break;
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
  return message;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP1);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(e);
}

/** A sync step 2 carrying an update already encoded (by the state worker). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_UPDATE);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** Wraps an encoded awareness update (y-protocols/awareness format) as a message. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

/** Encodes awareness entries in the y-protocols awareness update format. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientID);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.json);
  }
  return encoding.toUint8Array(e);
}

/** True for the empty update `[0, 0]` (no structs, no deletions) that a client sends as step 2 when it has nothing new. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
