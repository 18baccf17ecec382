/**
 * The facilitator's calls for leading the room (the contract: src/workshop/api.ts): the
 * run-sheet, "bring everyone here", the pointer and the lead. Apart from api-client.ts so
 * that only the console's bundle holds them.
 */
import type { Attention, AttentionRequest, Lead, Pointer, PointerRequest, RunSheetView, StepRequest } from '../workshop/api.js';
import type { WorkshopApi } from './api-client.js';

export const runSheet = (api: WorkshopApi, id: string) => api.call<RunSheetView>('GET', id, '/run-sheet');
export const editStep = (api: WorkshopApi, id: string, step: string, req: StepRequest) => api.call<RunSheetView>('POST', id, `/run-sheet/steps/${encodeURIComponent(step)}`, req);
export const goStep = (api: WorkshopApi, id: string, req: { step: string } | { to: 'next' | 'previous' }) => api.call<RunSheetView>('POST', id, '/run-sheet/go', req);
export const attend = (api: WorkshopApi, id: string, req: AttentionRequest) => api.call<Attention>('POST', id, '/attention', req);
export const point = (api: WorkshopApi, id: string, req: PointerRequest) => api.call<Pointer | null>('POST', id, '/pointer', req);
export const lead = (api: WorkshopApi, id: string, group: number, clientId: number | null) => api.call<Lead | null>('POST', id, '/lead', { group, clientId });
