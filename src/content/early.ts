/**
 * document_start entry (content-early.js): starts the storage reads the content script needs, so they travel
 * while the page loads (./early-reads.ts). It touches nothing in the page.
 */
import { beginEarlyReads } from './early-reads';

beginEarlyReads(window === window.top);
