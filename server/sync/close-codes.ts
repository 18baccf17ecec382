/**
 * Websocket close codes the server answers with. 1xxx are RFC 6455 codes; 4xxx are ours.
 * The stock y-websocket client reconnects after any close, and resyncs its whole state when
 * it does, so closing a connection never loses what its client holds.
 */
export const Close = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  binaryOnly: { code: 1003, reason: 'binary messages only' },
  malformed: { code: 1007, reason: 'malformed message' },
  rateLimited: { code: 1008, reason: 'rate limit exceeded' },
  tooSlow: { code: 1008, reason: 'client too slow to receive' },
  tooBig: { code: 1009, reason: 'message too big' },
  storageFailure: { code: 1011, reason: 'storage failure' },
  roomFull: { code: 1013, reason: 'room full, try again later' },
  badRoomName: { code: 4400, reason: 'invalid room name' },
  originNotAllowed: { code: 4403, reason: 'origin not allowed' },
} as const;

export type CloseAnswer = { code: number; reason: string };
