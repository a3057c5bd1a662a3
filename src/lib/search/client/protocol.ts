// Messages between the search page and its worker.
import type { SearchResponse } from '../engine';
import type { SearchState } from '../url-state';

export interface SearchRequest {
  id: number;
  /** Absolute URL of the index directory (ends with /). */
  indexUrl: string;
  state: SearchState;
}

export interface SearchReply {
  id: number;
  /** First reply: results; a sharded index then sends a second reply with unit facet counts. */
  response?: SearchResponse;
  final: boolean;
  error?: string;
}
