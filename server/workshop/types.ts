/** A workshop as the server knows it: its groups, who may open it, its snapshot sets. */
import type { Part } from '../../src/workshop/parts.js';

/**
 * Who a token makes its holder: the facilitator (everything), the plenum (the projector: reads
 * every board and snapshot, nothing else) or a participant of one group.
 */
export type Role = 'facilitator' | 'plenum' | 'participant';

export interface Group {
  number: number;
  name: string;
  code: string;
  room: string;
}

export interface Workshop {
  id: string;
  title: string;
  parts: Part[];
  locale: 'da' | 'en';
  createdAt: number;
  locked: boolean;
  /** May groups look (read-only) at other groups' boards? */
  crossView: boolean;
  groups: Group[];
}

/** What a new workshop is made of (`groupName` names group n, from 1). */
export interface NewWorkshop {
  title: string;
  parts: Part[];
  groups: number;
  locale: 'da' | 'en';
  groupName: (n: number) => string;
}

export interface CreatedWorkshop {
  workshop: Workshop;
  facilitatorToken: string;
  plenumToken: string;
  groupTokens: Map<number, string>;
}

export interface SnapshotSet {
  id: string;
  name: string;
  createdAt: number;
  groups: number[];
}

export interface Access {
  workshop: Workshop;
  role: Role;
  /** The participant's own group. */
  group?: Group;
  /** The participant's token is its group's link token, held by everyone who opened the link. */
  shared?: boolean;
}
