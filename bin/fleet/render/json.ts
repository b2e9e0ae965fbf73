import { FleetStatus } from '../model';

/**
 * `--json`: the report as one pretty-printed object, or with `--watch` one compact object per line
 * (newline-delimited JSON, one line per refresh) so that a consumer can read it as a stream.
 */
export function renderJson(status: FleetStatus, mode: 'document' | 'stream'): string {
  return (mode === 'document' ? JSON.stringify(status, null, 2) : JSON.stringify(status)) + '\n';
}
