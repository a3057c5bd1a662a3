// Web Worker: loads index files and runs queries off the main thread so typing stays smooth.
import { runSearch } from './run-search';
import type { SearchReply, SearchRequest } from './protocol';

self.onmessage = (e: MessageEvent<SearchRequest>) => {
  void runSearch(e.data, (r: SearchReply) => self.postMessage(r));
};
