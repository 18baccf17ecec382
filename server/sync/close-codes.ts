/**
 * Websocket close codes the server answers with. 1xxx are RFC 6455 codes; 4xxx are ours.
 * The stock y-websocket client reconnects after any close, and resyncs its whole state when
 * it does, so closing a connection never loses what its client holds.
 *
 * 44xx: the connection is refused (a bad token, an unknown room): the browser app stops
 * reconnecting and says why. 45xx: an update was refused and never applied; the client
 * reconnects. After 4500 its resync sends what the server lacks, in order, and integrates;
 * 4501 to 4504 refuse the sender's own changes, which its resync would send again, so the
 * browser app drops its copy of the board and rejoins with a fresh one (a new client id).
 * 4505 to 4510 are budgets: what the client holds is kept and sent again when it reconnects.
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
  notIntegrable: { code: 4500, reason: 'update cannot be integrated, resync' },
  writeRefused: { code: 4501, reason: 'write refused' },
  boardFullBytes: { code: 4502, reason: 'board full' },
  boardFullItems: { code: 4503, reason: 'board full' },
  updateTooLarge: { code: 4504, reason: 'change too large' },
  presenceTooLarge: { code: 4505, reason: 'presence state too large' },
  syncFlood: { code: 4506, reason: 'too many sync requests' },
  structFlood: { code: 4507, reason: 'too many changes, slow down' },
  addressFlood: { code: 4508, reason: 'too many updates from this address' },
  serverBusy: { code: 4509, reason: 'server busy, try again' },
  presenceFlood: { code: 4510, reason: 'presence changes too fast' },
} as const;

/** Closes after which the browser app drops its copy of the board and rejoins fresh. */
export const DROP_AND_REJOIN: readonly number[] = [4501, 4502, 4503, 4504];

export type CloseAnswer = { code: number; reason: string };
